import { fireEvent, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axe from 'axe-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { CheckoutButton, CheckoutModal } from '../src/index'
import { fakeEndpoint, makeCheckout, renderWithPayfect } from './helpers'

/** axe on the whole document; colour contrast needs layout (jsdom has none), and the checkout page inside the frame is Payfect's. */
async function violations() {
  const results = await axe.run(document.body, { iframes: false, rules: { 'color-contrast': { enabled: false } } })
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`)
}

beforeAll(async () => {
  await import('../src/checkout-modal')
})

describe('accessibility (axe)', () => {
  it('the button, idle and with its error alert', async () => {
    const endpoint = fakeEndpoint()
    endpoint.failWith(() => Response.json({ error: { type: 'api_error', message: 'Down.' } }, { status: 502 }))
    renderWithPayfect(
      <main>
        <CheckoutButton items={[{ price: 'pro-plan' }]} />
      </main>,
      { endpoint },
    )
    expect(await violations()).toEqual([])
    await userEvent.setup().click(screen.getByRole('button'))
    await screen.findByRole('alert')
    expect(await violations()).toEqual([])
  })

  it('the open modal, loading and loaded', async () => {
    renderWithPayfect(<CheckoutModal checkout={makeCheckout('co_1')} defaultOpen />, { provider: { pollInterval: 0 } })
    const dialog = await screen.findByRole('dialog')
    expect(await violations()).toEqual([])
    fireEvent.load(screen.getByTitle('Payfect checkout'))
    expect(dialog).toBeInTheDocument()
    expect(await violations()).toEqual([])
  })
})
