// @vitest-environment jsdom
// The forgotten stylesheet, as a merchant meets it: the button renders, and development says which import to add.
import { render } from '@testing-library/react'
import { expect, test, vi } from 'vitest'

test('a forgotten stylesheet: a development warning names the import', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  const { PayfectProvider, CheckoutButton } = await import('@payfect/react')
  render(
    <PayfectProvider endpoint="/api/payfect/checkouts">
      <CheckoutButton items={[{ price: 'pro-plan' }]} />
    </PayfectProvider>,
  )
  expect(warn.mock.calls.flat().join('\n')).toMatch(/import '@payfect\/react\/styles\.css'/)
})
