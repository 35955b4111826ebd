/** What a shopper does in the demo shop, by role and label, as page helpers. */
import { expect } from 'vitest'
import type { Frame, FrameLocator, Locator, Page, Request } from 'playwright-core'
import type { Scenario } from './harness'

export type Mode = 'modal' | 'redirect' | 'popup'

/** Opens the shop, picks the checkout mode, adds a product and places the order; returns the order id. */
export async function placeOrder(page: Page, shopUrl: string, { mode = 'modal', product = 'Aurora Hoodie' }: { mode?: Mode; product?: string } = {}) {
  await page.goto(shopUrl)
  await page.getByRole('button', { name: `Add ${product} to cart` }).click()
  await page.getByRole('radio', { name: capitalize(mode) }).check()
  await page.getByRole('button', { name: 'Place order' }).click()
  const id = await page.locator('.order-id').textContent()
  expect(id).toBeTruthy()
  return id!
}

/** The CheckoutButton of the placed order ("Pay 48.00 USDT"). */
export function payButton(page: Page): Locator {
  return page.locator('[data-slot="checkout-button"]')
}

export function dialog(page: Page): Locator {
  return page.getByRole('dialog')
}

/** The hosted checkout page inside the modal's frame. */
export function checkoutFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[data-slot="checkout-frame"]')
}

/** Waits for a condition the page reaches on its own (polls, never sleeps a fixed time). */
export async function until<T>(what: string, read: () => T | Promise<T>, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (value) return value as NonNullable<T>
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** The order as the shop's server holds it. */
export function orderOf({ shop }: Pick<Scenario, 'shop'>, id: string) {
  return shop.orders.get(id)
}

/** The checkouts the sandbox holds for an order. */
export function checkoutsFor({ sandbox }: Pick<Scenario, 'sandbox'>, orderId: string) {
  return sandbox.state().checkouts.filter((c) => c.checkout.clientReferenceId === orderId)
}

/** Counts the page's POSTs to the checkout route. */
export function countCheckoutPosts(page: Page): { readonly count: number; readonly requests: Request[] } {
  const requests: Request[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/payfect/checkouts') requests.push(request)
  })
  return {
    get count() {
      return requests.length
    },
    requests,
  }
}

export function isFrameAt(frame: Frame, origin: string): boolean {
  return frame.url().startsWith(origin)
}

function capitalize(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1)
}
