import { expect } from 'vitest'
import { useShop } from './harness'
import { checkoutFrame, checkoutsFor, countCheckoutPosts, dialog, orderOf, payButton, placeOrder, until } from './shop'

const scenario = useShop()

scenario('double click: two clicks, even in the same task, create one checkout', async (s) => {
  const { page, shop } = s
  const orderId = await placeOrder(page, shop.url)
  const posts = countCheckoutPosts(page)
  await payButton(page).dblclick()
  await dialog(page).waitFor()
  // The second click finds the button busy, or, when the checkout came back first, lands on the
  // overlay the modal just opened: neither creates a second checkout nor closes the modal.
  await checkoutFrame(page).getByRole('button', { name: 'Simulate payment' }).waitFor()
  expect(await dialog(page).isVisible()).toBe(true)
  await page.keyboard.press('Escape')
  await dialog(page).waitFor({ state: 'detached' })
  expect(posts.count).toBe(1)
  expect(checkoutsFor(s, orderId)).toHaveLength(1)

  // A second tab on the same order knows no checkout of it yet (the kit keeps it per tab, in
  // sessionStorage): a synchronous double click there sends one POST, and the route's
  // findOpenCheckout answers it with the order's open checkout.
  const tab = await s.context.newPage()
  await tab.goto(shop.url)
  const again = countCheckoutPosts(tab)
  await payButton(tab).evaluate((button: HTMLElement) => {
    button.click()
    button.click()
  })
  await dialog(tab).waitFor()
  await checkoutFrame(tab).getByRole('button', { name: 'Simulate payment' }).waitFor()
  expect(again.count).toBe(1)
  const answer = (await (await again.requests[0]!.response())!.json()) as { id: string }
  expect(answer.id).toBe(checkoutsFor(s, orderId)[0]!.checkout.id)
  expect(checkoutsFor(s, orderId)).toHaveLength(1)
})

scenario('a failing endpoint shows the error in an alert, and retry creates the checkout', async (s) => {
  const { page, shop } = s
  const orderId = await placeOrder(page, shop.url)
  let failures = 0
  await page.route('**/api/payfect/checkouts', async (route) => {
    if (route.request().method() !== 'POST' || failures > 0) return route.fallback()
    failures++
    await route.fulfill({
      status: 502,
      contentType: 'application/json',
      body: JSON.stringify({ error: { type: 'api_error', message: 'Payfect could not be reached. Try again in a moment.' } }),
    })
  })
  await payButton(page).click()
  const alert = page.getByRole('alert').filter({ has: page.getByRole('button') })
  await alert.waitFor()
  expect(await payButton(page).getAttribute('data-status')).toBe('error')
  expect(checkoutsFor(s, orderId)).toHaveLength(0)

  await alert.getByRole('button').click()
  await dialog(page).waitFor()
  await checkoutFrame(page).getByRole('button', { name: 'Simulate payment' }).click()
  await dialog(page).waitFor({ state: 'detached' })
  await until('the order to be paid', () => orderOf(s, orderId)?.status === 'paid')
  expect(failures).toBe(1)
  expect(checkoutsFor(s, orderId)).toHaveLength(1)
})

scenario('a tampered request (an amount injected into the body) is refused and creates nothing', async (s) => {
  const { page, shop, sandbox } = s
  const orderId = await placeOrder(page, shop.url)
  const before = JSON.stringify(sandbox.state().checkouts)
  const answers: Array<{ status: number; body: unknown }> = []
  await page.route('**/api/payfect/checkouts', async (route) => {
    const request = route.request()
    if (request.method() !== 'POST') return route.fallback()
    const body = request.postDataJSON() as { items: Array<Record<string, unknown>> } & Record<string, unknown>
    // What a shopper with devtools would try: name a price of their own.
    body.items = body.items.map((item) => ({ ...item, unitAmount: '0.01' }))
    body.amountTotal = '0.01'
    const response = await route.fetch({ postData: JSON.stringify(body) })
    answers.push({ status: response.status(), body: await response.json() })
    await route.fulfill({ response })
  })
  await payButton(page).click()
  await page.getByRole('alert').filter({ has: page.getByRole('button') }).waitFor()

  expect(answers).toHaveLength(1)
  expect(answers[0]!.status).toBe(400)
  expect(JSON.stringify(answers[0]!.body)).toMatch(/unitAmount|amount/)
  expect(await dialog(page).count()).toBe(0)
  expect(JSON.stringify(sandbox.state().checkouts)).toBe(before)
  expect(checkoutsFor(s, orderId)).toHaveLength(0)
  expect(orderOf(s, orderId)?.status).toBe('pending')
})
