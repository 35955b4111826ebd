import { expect } from 'vitest'
import { useShop } from './harness'
import { checkoutFrame, checkoutsFor, countCheckoutPosts, dialog, orderOf, payButton, placeOrder, until } from './shop'

const scenario = useShop()

scenario('modal: buy — pay in the frame, the verified callback marks the order paid, onSuccess once, modal closed', async (s) => {
  const { page, shop } = s
  const orderId = await placeOrder(page, shop.url)
  await payButton(page).click()

  const modal = dialog(page)
  await modal.waitFor()
  await modal.getByRole('heading', { name: /checkout|pay/i }).waitFor()
  await checkoutFrame(page).getByRole('button', { name: 'Simulate payment' }).click()

  // The modal closes by itself; the order turns paid only through the signed callback.
  await modal.waitFor({ state: 'detached' })
  await until('the order to be paid', () => orderOf(s, orderId)?.status === 'paid')
  const [created, ...others] = checkoutsFor(s, orderId)
  expect(others).toHaveLength(0)
  expect(created?.checkout.status).toBe('complete')
  await until('the callback to be delivered', () => created?.deliveries.some((d) => d.ok))
  expect(checkoutsFor(s, orderId)[0]?.deliveries.filter((d) => d.ok)).toHaveLength(1)

  // Success shown once: the toast, and the order listed as paid.
  await page.locator('.order[data-status="paid"]', { hasText: orderId }).waitFor()
  await page.locator('.toast', { hasText: 'Payment complete' }).waitFor()
  expect(await page.locator('.toast', { hasText: 'Payment complete' }).count()).toBe(1)
})

scenario('modal: cancel inside the frame closes the modal, onCancel once, the order stays unpaid; reopening the same checkout and paying succeeds', async (s) => {
  const { page, shop } = s
  const orderId = await placeOrder(page, shop.url)
  const posts = countCheckoutPosts(page)
  await payButton(page).click()
  await checkoutFrame(page).getByRole('button', { name: 'Cancel' }).click()

  // The page's checkout.cancelled message and the frame's landing on cancelUrl are one step away: one onCancel.
  await dialog(page).waitFor({ state: 'detached' })
  await page.locator('.toast', { hasText: 'Checkout cancelled' }).waitFor()
  expect(await page.locator('.toast', { hasText: 'Checkout cancelled' }).count()).toBe(1)
  expect(await payButton(page).getAttribute('data-status')).toBe('idle')
  const [checkout] = checkoutsFor(s, orderId)
  expect(checkout?.cancelledAt).not.toBeNull()
  expect(checkout?.deliveries).toEqual([])
  expect(orderOf(s, orderId)?.status).toBe('pending')

  // Stepped away, not over: the same checkout reopens and pays.
  await payButton(page).click()
  await checkoutFrame(page).getByRole('button', { name: 'Simulate payment' }).click()
  await dialog(page).waitFor({ state: 'detached' })
  await page.locator('.toast', { hasText: 'Payment complete' }).waitFor()
  await until('the order to be paid', () => orderOf(s, orderId)?.status === 'paid')
  expect(posts.count).toBe(1)
  expect(checkoutsFor(s, orderId).map((c) => c.checkout.status)).toEqual(['complete'])
  expect(await page.locator('.toast', { hasText: 'Payment complete' }).count()).toBe(1)
  expect(await page.locator('.toast', { hasText: 'Checkout cancelled' }).count()).toBe(1)
})

scenario('modal: the checkout expiring while open closes it with onExpire, and retry starts a new checkout', async (s) => {
  const { page, shop, sandbox } = s
  const orderId = await placeOrder(page, shop.url)
  await payButton(page).click()
  await checkoutFrame(page).getByRole('button', { name: 'Simulate payment' }).waitFor()
  const [first] = checkoutsFor(s, orderId)

  const expired = await fetch(`${sandbox.url}/_sandbox/checkouts/${first!.checkout.id}/expire`, { method: 'POST' })
  expect(expired.status).toBe(200)

  await dialog(page).waitFor({ state: 'detached', timeout: 20_000 })
  await page.locator('.toast', { hasText: 'Checkout expired' }).waitFor()
  expect(await payButton(page).getAttribute('data-status')).toBe('expired')
  const alert = page.getByRole('alert').filter({ has: page.getByRole('button', { name: /try again|retry/i }) })
  await alert.getByRole('button').click()

  await dialog(page).waitFor()
  await checkoutFrame(page).getByRole('button', { name: 'Simulate payment' }).click()
  await until('the order to be paid', () => orderOf(s, orderId)?.status === 'paid')
  const statuses = Object.fromEntries(checkoutsFor(s, orderId).map((c) => [c.checkout.id, c.checkout.status]))
  expect(Object.keys(statuses)).toHaveLength(2)
  expect(statuses[first!.checkout.id]).toBe('expired')
  expect(Object.values(statuses).toSorted()).toEqual(['complete', 'expired'])
})

scenario('modal: Escape closes it and returns focus; reopening shows the same checkout without creating another', async (s) => {
  const { page, shop } = s
  const orderId = await placeOrder(page, shop.url)
  const posts = countCheckoutPosts(page)
  await payButton(page).click()
  await checkoutFrame(page).getByRole('button', { name: 'Simulate payment' }).waitFor()

  await page.keyboard.press('Escape')
  await dialog(page).waitFor({ state: 'detached' })
  expect(await payButton(page).getAttribute('data-status')).toBe('idle')
  expect(await payButton(page).evaluate((el) => el === document.activeElement)).toBe(true)

  await payButton(page).click()
  await dialog(page).waitFor()
  await checkoutFrame(page).getByRole('button', { name: 'Simulate payment' }).click()
  await dialog(page).waitFor({ state: 'detached' })
  await until('the order to be paid', () => orderOf(s, orderId)?.status === 'paid')
  expect(posts.count).toBe(1)
  expect(checkoutsFor(s, orderId)).toHaveLength(1)
})
