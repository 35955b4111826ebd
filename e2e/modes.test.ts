import { expect } from 'vitest'
import { useShop } from './harness'
import { checkoutsFor, orderOf, payButton, placeOrder, until } from './shop'

const scenario = useShop()

scenario('redirect: the page goes to the hosted checkout and comes back to the shop after paying', async (s) => {
  const { page, shop, sandbox } = s
  const orderId = await placeOrder(page, shop.url, { mode: 'redirect' })
  await payButton(page).click()

  await page.waitForURL((url) => url.href.startsWith(`${sandbox.url}/checkouts/`))
  await page.getByRole('button', { name: 'Simulate payment' }).click()
  await page.waitForURL(`${shop.url}/checkout/success`)
  await page.getByRole('link', { name: 'Back to the shop' }).click()
  await page.waitForURL((url) => url.origin === shop.url && url.pathname === '/')

  await until('the order to be paid', () => orderOf(s, orderId)?.status === 'paid')
  await page.locator('.order[data-status="paid"]', { hasText: orderId }).waitFor()
  expect(checkoutsFor(s, orderId).map((c) => c.checkout.status)).toEqual(['complete'])
})

scenario('popup: the checkout opens in a window that closes itself once paid; onSuccess in the shop', async (s) => {
  const { page, shop, sandbox, context } = s
  const orderId = await placeOrder(page, shop.url, { mode: 'popup' })
  const [popup] = await Promise.all([context.waitForEvent('page'), payButton(page).click()])
  await popup.waitForURL((url) => url.href.startsWith(`${sandbox.url}/checkouts/`))
  expect(page.url().startsWith(shop.url)).toBe(true)
  expect(await payButton(page).getAttribute('data-status')).toBe('open')

  const closed = popup.waitForEvent('close')
  await popup.getByRole('button', { name: 'Simulate payment' }).click()
  await closed
  await page.locator('.toast', { hasText: 'Payment complete' }).waitFor()
  await until('the order to be paid', () => orderOf(s, orderId)?.status === 'paid')
  expect(await page.locator('.toast', { hasText: 'Payment complete' }).count()).toBe(1)
})

scenario(
  'popup blocked: window.open returns null, so the button falls back to redirecting the page',
  async (s) => {
    const { page, shop, sandbox, context } = s
    const orderId = await placeOrder(page, shop.url, { mode: 'popup' })
    await payButton(page).click()
    await page.waitForURL((url) => url.href.startsWith(`${sandbox.url}/checkouts/`))
    expect(context.pages()).toHaveLength(1)
    expect(checkoutsFor(s, orderId)).toHaveLength(1)
    expect(page.url()).toBe(checkoutsFor(s, orderId)[0]!.checkout.url)
  },
  {
    setup: async (context) => {
      await context.addInitScript(() => {
        // What a popup blocker does: window.open answers null.
        window.open = () => null
      })
    },
  },
)
