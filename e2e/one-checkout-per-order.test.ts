import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { useShop } from './harness'
import { checkoutFrame, checkoutsFor, countCheckoutPosts, dialog, orderOf, payButton, placeOrder, until } from './shop'

// Callbacks go to a port nothing listens on, once, never retried: every callback is lost, so
// only the shopper's status reads can tell the shop an order was paid.
const scenario = useShop({ env: { PAYFECT_CALLBACK_URL: 'http://127.0.0.1:9/api/payfect/webhook' }, callbackRetryDelaysMs: [] })

scenario('a reload cannot create a second checkout for the order', async (s) => {
  const { page, shop, context } = s
  const orderId = await placeOrder(page, shop.url)
  await payButton(page).click()
  await checkoutFrame(page).getByRole('button', { name: 'Simulate payment' }).waitFor()
  const [first, ...others] = checkoutsFor(s, orderId)
  expect(others).toHaveLength(0)
  const { id, url } = first!.checkout

  // Reloaded, the kit resumes the order's checkout from sessionStorage, once the route vouches for it: no POST.
  for (let reload = 0; reload < 2; reload++) {
    const reads = statusReads(page)
    await page.reload()
    const posts = countCheckoutPosts(page)
    await payButton(page).click()
    await checkoutFrame(page).getByRole('button', { name: 'Simulate payment' }).waitFor()
    expect(posts.count).toBe(0)
    expect(reads).toContain(id)
    expect(await page.locator('iframe[data-slot="checkout-frame"]').getAttribute('src')).toBe(url)
    await page.keyboard.press('Escape')
    await dialog(page).waitFor({ state: 'detached' })
  }

  // A tab that kept nothing (a new tab on the same order) asks the route, whose findOpenCheckout hands the same one back.
  const tab = await context.newPage()
  await tab.goto(shop.url)
  const posts = countCheckoutPosts(tab)
  await payButton(tab).click()
  await checkoutFrame(tab).getByRole('button', { name: 'Simulate payment' }).waitFor()
  expect(posts.count).toBe(1)
  const answer = (await (await posts.requests[0]!.response())!.json()) as { id: string }
  expect(answer.id).toBe(id)

  expect(checkoutsFor(s, orderId)).toHaveLength(1)
  expect(orderOf(s, orderId)!.checkoutIds).toEqual([id])
})

/** The checkout ids the page's current document reads through `GET /api/payfect/checkouts?id=`. */
function statusReads(page: Page): string[] {
  const ids: string[] = []
  page.on('framenavigated', (frame) => frame === page.mainFrame() && ids.splice(0))
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (request.method() === 'GET' && url.pathname === '/api/payfect/checkouts' && url.searchParams.has('id')) ids.push(url.searchParams.get('id')!)
  })
  return ids
}

scenario(
  'a lost callback is healed by the shopper’s status poll',
  async (s) => {
    const { page, shop, sandbox } = s
    // The hosted page's own signals (its messages and its trip back to the shop) are hints, and
    // here they never arrive: what the shopper's page has left is its status poll of the route.
    await page.route(
      (url) => url.origin === shop.url && url.pathname.startsWith('/checkout/'),
      (route) => (route.request().frame() === page.mainFrame() ? route.fallback() : route.abort()),
    )
    const polled: string[] = []
    page.on('response', async (response) => {
      const url = new URL(response.url())
      if (url.pathname === '/api/payfect/checkouts' && url.searchParams.has('id') && response.ok()) {
        polled.push(((await response.json().catch(() => ({}))) as { status?: string }).status ?? '?')
      }
    })
    const orderId = await placeOrder(page, shop.url)
    await payButton(page).click()
    await checkoutFrame(page).getByRole('button', { name: 'Simulate payment' }).click()
    // The route's read that saw `complete` fulfilled the order before it answered the page.
    await until('a status poll to see complete', () => polled.includes('complete'))
    expect(orderOf(s, orderId)?.status).toBe('paid')
    await sandbox.callbacksSettled()
    const [checkout] = checkoutsFor(s, orderId)
    // The callback never arrived: the order turned paid from the route's status read alone.
    expect(checkout!.deliveries.length).toBeGreaterThan(0)
    expect(checkout!.deliveries.every((delivery) => !delivery.ok)).toBe(true)
    expect(orderOf(s, orderId)).toMatchObject({ status: 'paid', problem: null })
  },
  {
    setup: async (context) => {
      await context.addInitScript(() => {
        if (window.top !== window) return
        // Registered before any app script: the sandbox page's `{ source: 'payfect' }` messages never reach the kit.
        window.addEventListener('message', (event) => (event.data as { source?: unknown } | null)?.source === 'payfect' && event.stopImmediatePropagation(), true)
      })
    },
  },
)
