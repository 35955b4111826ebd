/**
 * Issue 17 in Chromium, on the real route and the real sandbox: with the framing probe on, a click
 * on a shop the hosted page refuses to be framed by opens a popup (or redirects when the popup is
 * blocked) and `onFallback` says why; with the probe off, or framing allowed, the modal opens.
 */
import { afterEach, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import type { Framing } from '@payfect/sandbox'
import { until as poll } from './shop'
import { events, useChromium } from './kit/browser'
import { startRouteShop, type RouteShop } from './kit/route-shop'

const newPage = useChromium()
// Generous: two Chromiums may share a busy 2-core machine; this waits for a state, it asserts no speed.
const until = <T,>(what: string, read: () => T | Promise<T>) => poll(what, read, 30_000)
let shop: RouteShop | undefined
afterEach(async () => {
  await shop?.close()
  shop = undefined
})

interface Setup {
  framing: Framing
  /** The route's `framingProbe`. */
  route: boolean
  /** The provider's `framingProbe`. */
  kit: boolean
  /** An init script that blocks every popup, as a blocker does: `window.open` answers null. */
  blockPopups?: boolean
}

async function open({ framing, route, kit, blockPopups = false }: Setup) {
  shop = await startRouteShop({ framing, probe: route })
  const { page, context } = await newPage()
  // Recorded in the test, not the page: a redirect unloads the page and its Events list.
  const reported: string[] = []
  await page.exposeFunction('reportPayfectEvent', (event: string) => void reported.push(event))
  if (blockPopups) await context.addInitScript('window.open = () => null')
  const asked: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).searchParams.has('embeddable')) asked.push(request.url())
  })
  await page.goto(`${shop.url}/${kit ? '?probe' : ''}`)
  return { page, context, reported, asked, shop: shop! }
}

const button = (page: Page) => page.getByRole('button', { name: 'Pay 20.00 USDT' })
/** The one checkout the shopper's click created, as the route answered it. */
const created = () => until('the checkout to be created', () => (shop!.created.length === 1 ? shop!.created[0] : undefined))

/** The shopper's pointer rests on the button until the kit has read the route's answer, then clicks. */
async function hoverUntilAnswered(page: Page, answer: 'true' | 'false' | 'null') {
  await button(page).hover()
  await page.locator(`html[data-embeddable="${answer}"]`).waitFor({ state: 'attached' })
}

describe('the route may not be framed here, and the probe says so', () => {
  test('hover asks ?embeddable once; the click opens a popup at the checkout and onFallback says frame-refused', async () => {
    const { page, context, asked, reported } = await open({ framing: 'deny', route: true, kit: true })
    await hoverUntilAnswered(page, 'false')
    expect(asked).toHaveLength(1)

    const popup = context.waitForEvent('page')
    await button(page).click()
    const win = await popup
    const { url, id } = await created()
    await win.waitForURL(url)
    await until('onFallback', () => reported.includes('fallback frame-refused'))
    expect(await page.getByRole('dialog').count()).toBe(0)
    expect(await page.locator('[data-slot="checkout-button"]').getAttribute('data-status')).toBe('fallback')
    // The click asked nothing more of the probe.
    expect(asked).toHaveLength(1)

    // The window is a way through, not a dead end: paying there reaches the shop's onSuccess.
    await win.getByRole('button', { name: 'Simulate payment' }).click()
    await until('onSuccess', async () => (await events(page)).includes(`success ${id}`))
    expect(reported).toEqual(['fallback frame-refused', `success ${id}`])
  })

  test('with the popup blocked, the page goes to the checkout and onFallback says frame-refused, then popup-blocked', async () => {
    const { page, reported } = await open({ framing: 'deny', route: true, kit: true, blockPopups: true })
    await hoverUntilAnswered(page, 'false')

    await button(page).click()
    const { url } = await created()
    await page.waitForURL(url)
    await page.getByRole('button', { name: 'Simulate payment' }).waitFor()
    expect(reported).toEqual(['fallback frame-refused', 'fallback popup-blocked'])
  })
})

// The documented limit: without the probe's answer the kit cannot know the frame was refused
// (Chromium fires `load` for its error page), so the modal opens and the shopper has
// "Open in a new window" outside the frame.
async function refusedFrame(page: Page, url: string) {
  const frame = await page.locator('iframe[data-slot="checkout-frame"]').elementHandle()
  expect(await frame!.getAttribute('src')).toBe(url)
  const content = await frame!.contentFrame()
  await content!.waitForURL((at) => at.protocol === 'chrome-error:')
  await page.getByRole('dialog').getByRole('button', { name: /new window/i }).waitFor()
}

describe('the modal opens as before', () => {
  test('probe off in the kit, framing denied: no ?embeddable, the modal opens on the refused frame, no onFallback', async () => {
    const { page, asked, reported } = await open({ framing: 'deny', route: true, kit: false })
    await button(page).hover()
    await button(page).click()
    const { url } = await created()
    await page.getByRole('dialog').waitFor()
    await refusedFrame(page, url)
    expect(asked).toEqual([])
    expect(reported).toEqual([])
  })

  test('probe off in the route, framing denied: ?embeddable answers null, the modal opens, no onFallback', async () => {
    const { page, asked, reported } = await open({ framing: 'deny', route: false, kit: true })
    await hoverUntilAnswered(page, 'null')
    await button(page).click()
    const { url } = await created()
    await page.getByRole('dialog').waitFor()
    await refusedFrame(page, url)
    expect(asked).toHaveLength(1)
    expect(reported).toEqual([])
  })

  test('probe on, framing allowed: ?embeddable answers true, the modal shows the hosted page, no onFallback', async () => {
    const { page, asked, reported } = await open({ framing: 'allow', route: true, kit: true })
    await hoverUntilAnswered(page, 'true')
    await button(page).click()
    const { id } = await created()
    const modal = page.getByRole('dialog')
    await modal.waitFor()
    await page.frameLocator('iframe[data-slot="checkout-frame"]').getByRole('button', { name: 'Simulate payment' }).click()
    await until('onSuccess', () => reported.includes(`success ${id}`))
    expect(asked).toHaveLength(1)
    expect(reported).toEqual([`success ${id}`])
  })
})
