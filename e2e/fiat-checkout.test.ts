/**
 * A product priced in New Taiwan dollars, bought in the storefront in Chromium: the hosted page
 * asks for the fiat amount and its USDT quote, and the order turns paid from the verified
 * callback, whichever reading of the callback's undocumented `amount` the sandbox sends.
 */
import type { Route } from 'playwright-core'
import { expect } from 'vitest'
import { useShop } from './harness'
import { checkoutFrame, checkoutsFor, dialog, orderOf, payButton, placeOrder, until } from './shop'

const scenario = useShop()

for (const reading of ['fiat', 'usdt'] as const) {
  scenario(`TWD: a TWD product is paid in the modal and the verified callback, reporting the ${reading === 'fiat' ? 'fiat amount' : 'USDT paid'}, marks the order paid`, async (s) => {
    const { page, shop, sandbox } = s
    expect((await fetch(`${sandbox.url}/_sandbox/settings?callbackAmount=${reading}`, { method: 'POST' })).status).toBe(200)
    // The shopper's status reads are held until the order is paid: only the callback can pay it.
    const held: Route[] = []
    let released = false
    await page.route(
      (url) => url.origin === shop.url && url.pathname === '/api/payfect/checkouts' && url.searchParams.has('id'),
      (route) => (released ? route.continue() : void held.push(route)),
    )

    const orderId = await placeOrder(page, shop.url, { product: 'Alishan Oolong · 150 g' })
    expect(orderOf(s, orderId)).toMatchObject({ currency: 'TWD', amountTotal: '880.00' })
    expect(await page.getByTestId('cart-total').textContent()).toBe('880.00 TWD')
    await payButton(page).click()

    const modal = dialog(page)
    await modal.waitFor()
    const frame = checkoutFrame(page)
    await frame.getByText('Amount due 880.00 TWD').waitFor()
    expect(await frame.locator('#pf-amount').textContent()).toBe('27.08 USDT') // 880 ÷ 32.5, rounded up to the cent
    await frame.getByRole('button', { name: 'Simulate payment' }).click()

    await until('the order to be paid', () => orderOf(s, orderId)?.status === 'paid')
    const [checkout] = checkoutsFor(s, orderId)
    expect(checkout).toMatchObject({ checkout: { currency: 'TWD', amountTotal: '880.00', status: 'complete' }, quote: { usdt: '27.08' } })
    const delivered = checkout!.deliveries.filter((d) => d.ok)
    expect(delivered).toHaveLength(1)
    const body = JSON.parse(delivered[0]!.body) as { amount: string; currency: string }
    expect([body.amount, body.currency]).toEqual(reading === 'fiat' ? ['880.00', 'TWD'] : ['27.08', 'usdt'])
    // Paid by the checkout read back from Payfect (880.00 TWD), whatever the callback said.
    expect(orderOf(s, orderId)).toMatchObject({ status: 'paid', paidBy: checkout!.checkout.id, problem: null })

    // Now the shopper's page may read the status: it sees the payment, and the modal closes.
    released = true
    for (const route of held.splice(0)) await route.continue()
    await modal.waitFor({ state: 'detached' })
    await page.locator('.order[data-status="paid"]', { hasText: orderId }).waitFor()
  })
}
