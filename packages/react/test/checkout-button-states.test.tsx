import { hostedMessage } from '@payfect/contract'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createRef, useState } from 'react'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CheckoutButton, CheckoutModal, PayfectProvider, useCreateCheckout, type CheckoutItem } from '../src/index'
import { zhTW } from '../src/locales/zh-TW'
import { checkoutOrigin, fakeEndpoint, makeCheckout, postFrom, renderWithPayfect, type FakeEndpoint } from './helpers'

beforeAll(async () => {
  await import('../src/checkout-modal')
})

const items = [{ price: 'pro-plan', quantity: 1 }]

/** The shopper pays: Payfect marks it complete (the route's word), the page says so (a hint). */
async function pay(frame: HTMLIFrameElement, endpoint: FakeEndpoint) {
  endpoint.setStatus('co_1', 'complete')
  act(() => postFrom(frame.contentWindow, checkoutOrigin, hostedMessage('complete', 'co_1')))
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
}

async function openDialog() {
  const dialog = await screen.findByRole('dialog')
  const frame = dialog.querySelector('iframe')!
  fireEvent.load(frame)
  // Listeners attach in effects.
  for (let i = 0; i < 3; i++) await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
  return frame
}

describe('CheckoutButton paid state', () => {
  it('says Paid with a check icon, is aria-disabled and starts no second checkout', async () => {
    const endpoint = fakeEndpoint()
    const user = userEvent.setup()
    const onClick = vi.fn<() => void>()
    renderWithPayfect(<CheckoutButton items={items} onClick={onClick} />, { endpoint })
    const button = screen.getByRole('button', { name: 'Pay with crypto' })
    await user.click(button)
    await pay(await openDialog(), endpoint)

    expect(button).toHaveAttribute('data-status', 'complete')
    expect(button).toHaveAccessibleName('Paid')
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(button.querySelector('svg[aria-hidden="true"]')).toBeInTheDocument()
    await user.click(button)
    await user.click(button)
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(endpoint.posts()).toHaveLength(1)
    expect(button).toHaveAttribute('data-status', 'complete')
  })

  it('says Paid in zh-TW too', async () => {
    const user = userEvent.setup()
    const endpoint = fakeEndpoint()
    renderWithPayfect(<CheckoutButton items={items} />, { endpoint, provider: { locale: 'zh-TW', messages: zhTW } })
    await user.click(screen.getByRole('button', { name: '使用加密貨幣付款' }))
    await pay(await openDialog(), endpoint)
    expect(screen.getByRole('button', { name: '已付款' })).toHaveAttribute('aria-disabled', 'true')
  })

  it('goes back to idle for a new order (new items or clientReferenceId), and creates a new checkout', async () => {
    const endpoint = fakeEndpoint()
    const user = userEvent.setup()
    function Shop() {
      const [cart, setCart] = useState<CheckoutItem[]>(items)
      return (
        <>
          <CheckoutButton items={cart} />
          <button type="button" onClick={() => setCart([{ price: 'team-plan', quantity: 2 }])}>
            New order
          </button>
        </>
      )
    }
    renderWithPayfect(<Shop />, { endpoint })
    const button = screen.getByRole('button', { name: 'Pay with crypto' })
    await user.click(button)
    await pay(await openDialog(), endpoint)
    expect(button).toHaveAccessibleName('Paid')

    await user.click(screen.getByRole('button', { name: 'New order' }))
    expect(button).toHaveAttribute('data-status', 'idle')
    expect(button).not.toHaveAttribute('aria-disabled')
    expect(button).toHaveAccessibleName('Pay with crypto')
    await user.click(button)
    await screen.findByRole('dialog')
    expect(endpoint.posts()).toHaveLength(2)
    expect(endpoint.posts()[1]?.body).toEqual({ items: [{ price: 'team-plan', quantity: 2 }] })
  })
})

describe('CheckoutButton layout', () => {
  it('keeps the label in place while creating and lays the spinner beside it, inside the button', async () => {
    const endpoint = fakeEndpoint()
    const release = endpoint.hold()
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutButton items={items}>Buy Pro</CheckoutButton>, { endpoint })
    const button = screen.getByRole('button', { name: 'Buy Pro' })
    const label = button.querySelector('[data-slot="checkout-button-label"]')
    expect(label).toHaveTextContent('Buy Pro')

    await user.click(button)
    // The same label element stays (it keeps the width; CSS hides it), the spinner is its sibling
    // (CSS lays it over the label), and the announcement is visually hidden.
    expect(button.querySelector('[data-slot="checkout-button-label"]')).toBe(label)
    expect(label).toHaveTextContent('Buy Pro')
    expect(label?.nextElementSibling).toHaveAttribute('data-slot', 'spinner')
    expect(button.querySelector('.payfect-sr-only')).toHaveTextContent('Creating checkout…')
    release()
    await screen.findByRole('dialog')
  })

  it('wraps the button and its alert in one stacking wrapper', async () => {
    const endpoint = fakeEndpoint()
    endpoint.failWith(() => Response.json({ error: { type: 'api_error', message: 'Down.' } }, { status: 502 }))
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutButton items={items} />, { endpoint })
    const button = screen.getByRole('button', { name: 'Pay with crypto' })
    await user.click(button)
    const alert = await screen.findByRole('alert')
    const wrapper = button.parentElement
    expect(wrapper).toHaveAttribute('data-slot', 'checkout')
    expect(wrapper).toHaveAttribute('data-status', 'error')
    expect(alert.parentElement).toBe(wrapper)
    expect(button.nextElementSibling).toBe(alert)
  })
})

describe('double-click dedupe', () => {
  it('a button and useCreateCheckout under one provider share the in-flight creation: one POST', async () => {
    const endpoint = fakeEndpoint()
    const release = endpoint.hold()
    const user = userEvent.setup()
    let hooked: Promise<unknown> | undefined
    function Other() {
      const { createCheckout } = useCreateCheckout()
      return (
        <button type="button" onClick={() => (hooked = createCheckout({ items }))}>
          Hook
        </button>
      )
    }
    renderWithPayfect(
      <>
        <CheckoutButton items={items} />
        <Other />
      </>,
      { endpoint },
    )
    await user.dblClick(screen.getByRole('button', { name: 'Pay with crypto' }))
    await user.click(screen.getByRole('button', { name: 'Hook' }))
    release()
    await screen.findByRole('dialog')
    await expect(hooked).resolves.toMatchObject({ id: 'co_1' })
    expect(endpoint.posts()).toHaveLength(1)
  })
})

describe('CheckoutModal focus', () => {
  it('focuses the dialog itself on open (not the close button) and keeps Tab inside', async () => {
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutModal checkout={makeCheckout('co_1')} defaultOpen />, { endpoint: fakeEndpoint() })
    const dialog = await screen.findByRole('dialog')
    await waitFor(() => expect(dialog).toHaveFocus())
    expect(dialog).toHaveAttribute('tabindex', '-1')
    await user.tab()
    expect(dialog).toContainElement(document.activeElement as HTMLElement)
  })
})

describe('asChild', () => {
  it('merges className, style, handlers (the child first; its preventDefault stops the checkout) and refs onto the child', async () => {
    const endpoint = fakeEndpoint()
    const calls: string[] = []
    const buttonRef = createRef<HTMLButtonElement>()
    const childRef = createRef<HTMLAnchorElement>()
    let prevent = true
    renderWithPayfect(
      <CheckoutButton items={items} asChild ref={buttonRef} className="ours" style={{ color: 'red', margin: 1 }} onKeyDown={() => calls.push('ours-key')}>
        <a
          href="#buy"
          ref={childRef}
          className="theirs"
          style={{ color: 'blue' }}
          onClick={(event) => {
            calls.push('theirs')
            if (prevent) event.preventDefault()
          }}
          onKeyDown={() => calls.push('theirs-key')}
        >
          Buy
        </a>
      </CheckoutButton>,
      { endpoint },
    )
    const link = screen.getByRole('link', { name: 'Buy' })
    expect(link).toHaveClass('payfect-button', 'ours', 'theirs')
    expect(link).toHaveStyle({ color: 'rgb(0, 0, 255)', margin: '1px' })
    expect(link).toHaveAttribute('data-slot', 'checkout-button')
    expect(buttonRef.current).toBe(link)
    expect(childRef.current).toBe(link)
    fireEvent.keyDown(link, { key: 'a' })
    fireEvent.click(link)
    expect(calls).toEqual(['theirs-key', 'ours-key', 'theirs'])
    // The child's click called preventDefault: no checkout.
    expect(link).toHaveAttribute('data-status', 'idle')
    expect(endpoint.posts()).toHaveLength(0)

    prevent = false
    fireEvent.click(link)
    await screen.findByRole('dialog')
    expect(endpoint.posts()).toHaveLength(1)
  })
})

describe('status polling in the modal', () => {
  it('reads through swr when shown, is not restarted by re-renders of a provider given inline headers, checks on close and on reopen', async () => {
    const endpoint = fakeEndpoint()
    const user = userEvent.setup()
    const ui = () => (
      <PayfectProvider fetch={endpoint.fetch} headers={() => ({ 'X-CSRF-Token': 't' })} checkoutOrigin={checkoutOrigin} pollInterval={60_000}>
        <CheckoutButton items={items} />
      </PayfectProvider>
    )
    const { rerender } = render(ui())
    const button = screen.getByRole('button', { name: 'Pay with crypto' })
    await user.click(button)
    await openDialog()
    await waitFor(() => expect(endpoint.gets()).toHaveLength(1))
    // A restarted poll would ask at once: re-renders restart nothing (the next poll is a minute away).
    for (let i = 0; i < 10; i++) rerender(ui())
    await openDialog()
    expect(endpoint.gets()).toHaveLength(1)

    // Closing checks once (the shopper may have paid just before); shown again, it is read at once.
    await user.keyboard('{Escape}')
    await waitFor(() => expect(endpoint.gets()).toHaveLength(2))
    await user.click(button)
    await openDialog()
    await waitFor(() => expect(endpoint.gets()).toHaveLength(3))
    expect(endpoint.posts()).toHaveLength(1)
  })
})
