/**
 * Issue 14 in Chromium, against a live-like hosted page (it posts nothing; Pay and Cancel navigate
 * to the success and cancel URLs) and a contract-conformant route: the route's status alone decides.
 */
import { afterEach, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { until as poll } from './shop'
import { events, useChromium } from './kit/browser'
import { startKitShop, type KitShop, type KitShopOptions } from './kit/kit-shop'

const newPage = useChromium()
// Generous: two Chromiums may share a busy 2-core machine; this waits for a state, it asserts no speed.
const until = <T,>(what: string, read: () => T | Promise<T>, timeoutMs = 30_000) => poll(what, read, timeoutMs)
let shop: KitShop | undefined
afterEach(async () => {
  await shop?.close()
  shop = undefined
})

async function open(options: KitShopOptions, query: string) {
  shop = await startKitShop(options)
  const { page, context } = await newPage()
  await page.goto(`${shop.url}/?${query}`)
  return { page, context, shop: shop! }
}

const button = (page: Page) => page.locator('[data-slot="checkout-button"]')
const hosted = (page: Page) => page.frameLocator('iframe[data-slot="checkout-frame"]')
const status = (page: Page) => button(page).getAttribute('data-status')
const getsFor = (route: KitShop['route'], id: string) => route.log.filter((line) => line === `GET ${id}`).length

describe('the route decides', () => {
  test('cancel-as-success: landing on a cancel URL that also matches the success URL is a cancel, never Paid', async () => {
    const { page } = await open({ successPath: '/', cancelPath: '/?checkout=cancel' }, 'mode=modal')
    await button(page).click()
    await hosted(page).getByRole('button', { name: 'Cancel' }).click()
    await until('the cancel callback', async () => (await events(page)).includes('cancel co_1'))
    expect(await events(page)).not.toContain('success co_1')
    expect(await status(page)).toBe('idle')
    await page.getByRole('dialog').waitFor({ state: 'detached' })
  })

  test('reopen-then-pay: cancel, click again (the same checkout reopens), pay → onSuccess', async () => {
    const { page, shop: kit } = await open({}, 'mode=modal')
    await button(page).click()
    await hosted(page).getByRole('button', { name: 'Cancel' }).click()
    await until('the cancel callback', async () => (await events(page)).includes('cancel co_1'))
    await button(page).click()
    await hosted(page).getByRole('heading', { name: 'Pay 20.00 USDT' }).waitFor()
    expect(kit.route.posts()).toBe(1)
    await hosted(page).getByRole('button', { name: 'Pay' }).click()
    await until('the success callback', async () => (await events(page)).includes('success co_1'))
    expect(await status(page)).toBe('complete')
    expect(await button(page).textContent()).toContain('Paid')
  })

  test('confirm-before-success: after the success landing the button is confirming until the route says complete', async () => {
    const { page, shop: kit } = await open({ confirmReads: 3 }, 'mode=modal&poll=200')
    await button(page).click()
    await hosted(page).getByRole('button', { name: 'Pay' }).click()
    await until('the confirming state', async () => (await status(page)) === 'confirming')
    expect(await events(page)).toEqual([])
    await until('the success callback', async () => (await events(page)).includes('success co_1'), 20_000)
    // The route answered `open` three times after the payment before it said `complete`.
    expect(kit.route.get('co_1')?.status).toBe('complete')
    expect(getsFor(kit.route, 'co_1')).toBeGreaterThanOrEqual(4)
    expect(await events(page)).toEqual(['success co_1'])
  })

  test('confirming runs out into a non-error pending state, and still succeeds when the route confirms', async () => {
    const { page, shop: kit } = await open({ confirmReads: 1_000 }, 'mode=modal&poll=100')
    await button(page).click()
    await hosted(page).getByRole('button', { name: 'Pay' }).click()
    await until('the pending callback', async () => (await events(page)).includes('pending co_1'), 20_000)
    expect(await status(page)).toBe('pending')
    expect(await page.getByRole('alert').count()).toBe(0)
    await page.getByRole('dialog').getByRole('heading', { name: 'Payment pending' }).waitFor()
    kit.route.confirmNow('co_1')
    await until('the success callback', async () => (await events(page)).includes('success co_1'), 30_000)
  })
})

describe('resume with clientReferenceId', () => {
  test('a reload mid-payment reopens the same checkout (one POST), and paying it succeeds', async () => {
    const { page, shop: kit } = await open({}, 'mode=modal&ref=order_1')
    await button(page).click()
    await hosted(page).getByRole('heading', { name: 'Pay 20.00 USDT' }).waitFor()
    await page.reload()
    await button(page).click()
    await hosted(page).getByRole('button', { name: 'Pay' }).click()
    await until('the success callback', async () => (await events(page)).includes('success co_1'))
    expect(kit.route.posts()).toBe(1)
  })

  test('a reload after paying elsewhere shows Paid and announces the success once', async () => {
    const { page, shop: kit } = await open({}, 'mode=modal&ref=order_2')
    await button(page).click()
    await hosted(page).getByRole('heading', { name: 'Pay 20.00 USDT' }).waitFor()
    kit.route.pay('co_1')
    await page.reload()
    await until('the success callback', async () => (await events(page)).includes('success co_1'))
    expect(await status(page)).toBe('complete')
    expect(await events(page)).toEqual(['success co_1'])
  })
})

describe('expiry by the route’s clock', () => {
  test('a shopper clock two hours ahead does not expire a fresh checkout', async () => {
    shop = await startKitShop({})
    const { page, context } = await newPage()
    await context.addInitScript(() => {
      const now = Date.now.bind(Date)
      Date.now = () => now() + 2 * 60 * 60_000
    })
    await page.goto(`${shop.url}/?mode=modal&poll=200`)
    await button(page).click()
    await hosted(page).getByRole('heading', { name: 'Pay 20.00 USDT' }).waitFor()
    const route = shop.route
    await until('two status reads', () => getsFor(route, 'co_1') >= 2)
    expect(await events(page)).toEqual([])
    expect(await status(page)).toBe('open')
  })

  test('expiry comes from serverTime: the kit asks when the route’s clock says it expired, between slow polls', async () => {
    shop = await startKitShop({ lifetimeMs: 3_000 })
    const { page, context } = await newPage()
    await context.addInitScript(() => {
      const now = Date.now.bind(Date)
      Date.now = () => now() - 2 * 60 * 60_000
    })
    await page.goto(`${shop.url}/?mode=modal&poll=600000`)
    await button(page).click()
    await until('the expire callback', async () => (await events(page)).includes('expire co_1'), 20_000)
    expect(await status(page)).toBe('expired')
    expect(await page.getByRole('alert').textContent()).toContain('expired')
  })
})

describe('React 18', () => {
  test('one flow on React 18: reopen-then-pay ends in onSuccess on the route’s word', async () => {
    const { page, shop: kit } = await open({ react: '18' }, 'mode=modal')
    expect(await page.locator('html').getAttribute('data-react')).toMatch(/^18\./)
    await button(page).click()
    await hosted(page).getByRole('button', { name: 'Cancel' }).click()
    await until('the cancel callback', async () => (await events(page)).includes('cancel co_1'))
    await button(page).click()
    await hosted(page).getByRole('button', { name: 'Pay' }).click()
    await until('the success callback', async () => (await events(page)).includes('success co_1'))
    expect(kit.route.posts()).toBe(1)
    expect(await status(page)).toBe('complete')
  })
})

describe('redirect mode', () => {
  test('the page the hosted checkout returns to confirms with the route (useCheckoutReturn): success once', async () => {
    const { page, shop: kit } = await open({ successPath: '/?mode=redirect&returned=1', confirmReads: 1 }, 'mode=redirect&ref=order_9')
    await button(page).click()
    await page.waitForURL((url) => url.origin === kit.hostedOrigin)
    await page.getByRole('button', { name: 'Pay' }).click()
    await page.waitForURL((url) => url.searchParams.has('returned'))
    await until('the return success callback', async () => (await events(page)).includes('return-success co_1'))
    expect(await events(page)).toEqual(['return-success co_1'])
    expect(kit.route.get('co_1')?.status).toBe('complete')
  })
})
