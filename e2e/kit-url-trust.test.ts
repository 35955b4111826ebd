/**
 * Issue 12 in Chromium: a route answering with a `javascript:` or `data:` checkout URL never runs
 * script on the shop nor fakes a completion.
 */
import { afterEach, describe, expect, test } from 'vitest'
import { events, useChromium } from './kit/browser'
import { startKitShop, type KitShop } from './kit/kit-shop'

const newPage = useChromium()

// A page that claims completion in both the unversioned and the versioned message shapes.
const fakeCompletion = (id: string) =>
  `data:text/html,<script>for (const m of [{source:'payfect',type:'checkout.complete',id:'${id}'},{source:'payfect',version:1,type:'checkout.complete',id:'${id}'}]) parent.postMessage(m,'*')</script>`
let shop: KitShop | undefined
afterEach(async () => {
  await shop?.close()
  shop = undefined
})

describe('URL trust', () => {
  test('redirect mode never navigates to a javascript: URL', async () => {
    shop = await startKitShop({ url: () => 'javascript:void(document.title="pwned")' })
    const { page } = await newPage()
    await page.goto(`${shop.url}/?mode=redirect`)
    await page.getByRole('button', { name: 'Pay 20.00 USDT' }).click()
    await page.getByRole('alert').waitFor()
    expect(await page.title()).toBe('Kit shop')
    expect(page.url()).toBe(`${shop.url}/?mode=redirect`)
  })

  test('popup mode never points its window at a javascript: URL (it would run with the shop as opener)', async () => {
    shop = await startKitShop({ url: () => 'javascript:void(opener.document.title="pwned")' })
    const { page, context } = await newPage()
    await page.goto(`${shop.url}/?mode=popup`)
    const popup = context.waitForEvent('page')
    await page.getByRole('button', { name: 'Pay 20.00 USDT' }).click()
    await popup
    await page.getByRole('alert').waitFor()
    expect(await page.title()).toBe('Kit shop')
  })

  test('a data: URL (opaque origin "null") cannot fake a completion from the modal', async () => {
    shop = await startKitShop({ url: fakeCompletion })
    const { page } = await newPage()
    await page.goto(`${shop.url}/?mode=modal`)
    await page.getByRole('button', { name: 'Pay 20.00 USDT' }).click()
    await page.getByRole('alert').waitFor()
    expect(await events(page)).not.toContain('success co_1')
    expect(await page.getByRole('button', { name: 'Pay 20.00 USDT' }).getAttribute('data-status')).toBe('error')
    expect(await page.locator('iframe').count()).toBe(0)
  })
})
