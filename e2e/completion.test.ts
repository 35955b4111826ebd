import type { BrowserContext, Page, Route } from 'playwright-core'
import { expect } from 'vitest'
import { useShop } from './harness'
import { checkoutFrame, checkoutsFor, dialog, orderOf, payButton, placeOrder, until } from './shop'

// The live Payfect page has no postMessage contract, so these scenarios take the
// sandbox's messages away and leave @payfect/react the two signals it has there: the
// frame landing back on the shop (a hint that makes it ask the route) and its status poll.
const scenario = useShop()

/** Swallows every `{ source: 'payfect' }` message before the app's listeners see it; counts them. */
async function blockPayfectMessages(context: BrowserContext) {
  await context.addInitScript(() => {
    if (window.top !== window) return
    const w = window as unknown as { payfectMessagesBlocked: number }
    w.payfectMessagesBlocked = 0
    // Registered before any app script, so stopImmediatePropagation keeps it from every later listener.
    window.addEventListener(
      'message',
      (event) => {
        if ((event.data as { source?: unknown } | null)?.source === 'payfect') {
          w.payfectMessagesBlocked++
          event.stopImmediatePropagation()
        }
      },
      true,
    )
  })
}

const blocked = (page: Page) => page.evaluate(() => (window as unknown as { payfectMessagesBlocked: number }).payfectMessagesBlocked)

scenario(
  'live-API path: no postMessage and no poll answered — the frame landing on successUrl triggers the status read that confirms the checkout',
  async (s) => {
    const { page, shop } = s
    let landed = false
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame() && frame.url().startsWith(`${shop.url}/checkout/success`)) landed = true
    })
    // Reads sent before the landing never get an answer; swr never overlaps polls, so the poll
    // timer stays stuck behind them. Only a read the landing itself asks for can reach the route.
    const unanswered: Route[] = []
    const afterLanding: Array<Promise<string>> = []
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(
      (url) => url.pathname === '/api/payfect/checkouts' && url.searchParams.has('id'),
      async (route) => {
        if (!landed) return void unanswered.push(route)
        afterLanding.push(route.request().response().then(async (response) => (response ? ((await response.json()) as { status: string }).status : 'no answer')))
        await held
        await route.fallback()
      },
    )
    const orderId = await placeOrder(page, shop.url)
    await payButton(page).click()
    await checkoutFrame(page).getByRole('button', { name: 'Simulate payment' }).click()

    // The landing alone announces nothing: the modal and the button are confirming, asking the route.
    await dialog(page).and(page.locator('[data-status="confirming"]')).waitFor()
    await until('the status read the landing asks for', () => afterLanding.length > 0)
    expect(unanswered.length).toBeGreaterThan(0)
    expect(await payButton(page).getAttribute('data-status')).toBe('confirming')
    expect(await page.locator('.toast', { hasText: 'Payment complete' }).count()).toBe(0)

    // The route's answer decides.
    release()
    expect(await afterLanding[0]).toBe('complete')
    await dialog(page).waitFor({ state: 'detached' })
    await page.locator('.toast', { hasText: 'Payment complete' }).waitFor()
    expect(await blocked(page)).toBeGreaterThan(0)
    await until('the order to be paid', () => orderOf(s, orderId)?.status === 'paid')
    expect(await page.locator('.toast', { hasText: 'Payment complete' }).count()).toBe(1)
    await Promise.all(unanswered.map((route) => route.abort().catch(() => {})))
  },
  { setup: blockPayfectMessages },
)

scenario(
  'live-API path: no postMessage and the frame never comes back — status polling alone completes the checkout',
  async (s) => {
    const { page, shop } = s
    const frameReturns: string[] = []
    // The hosted page's trip back to the shop, inside the frame, never arrives.
    await page.route(
      (url) => url.origin === shop.url && url.pathname.startsWith('/checkout/'),
      async (route) => {
        if (route.request().frame() === page.mainFrame()) return route.fallback()
        frameReturns.push(route.request().url())
        await route.abort()
      },
    )
    const polled: string[] = []
    page.on('response', async (response) => {
      const url = new URL(response.url())
      if (url.pathname === '/api/payfect/checkouts' && url.searchParams.has('id') && response.ok()) {
        polled.push(((await response.json().catch(() => ({}))) as { status?: string }).status ?? '?')
      }
    })
    // The shop keeps polling its own order list (every 1.5 s) meanwhile: the order turning
    // paid there must neither unmount the open checkout nor starve the kit's status polling.
    const orderId = await placeOrder(page, shop.url)
    await payButton(page).click()
    await checkoutFrame(page).getByRole('button', { name: 'Simulate payment' }).click()

    await dialog(page).waitFor({ state: 'detached' })
    await page.locator('.toast', { hasText: 'Payment complete' }).waitFor()
    expect(frameReturns.length).toBeGreaterThan(0)
    expect(await blocked(page)).toBeGreaterThan(0)
    expect(polled).toContain('complete')
    await until('the order to be paid', () => orderOf(s, orderId)?.status === 'paid')
    expect(checkoutsFor(s, orderId).map((c) => c.checkout.status)).toEqual(['complete'])
    expect(await page.locator('.toast', { hasText: 'Payment complete' }).count()).toBe(1)
  },
  { setup: blockPayfectMessages },
)
