import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { chromium, type Browser, type Page } from 'playwright-core'
import { hostedMessage } from '@payfect/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumLaunchOptions } from '../../../scripts/chromium'
import { startSandbox } from '../src/start-sandbox'
import { depositAddressFor, isTronAddress } from '../src/tron-address'
import type { Sandbox } from '../src/types'

// The hosted page in a real Chromium, served by the real sandbox, opened full-page
// and framed in a merchant page of another origin, as the React SDK's modal does.

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
let browser: Browser
let sandbox: Sandbox
let merchant: Server
let shop: string
let clock = Date.now()

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions())
  sandbox = await startSandbox({ merchantName: 'Northwind Coffee', now: () => clock })
  merchant = createServer((req, res) => {
    const url = new URL(req.url ?? '/', shop)
    res.setHeader('content-type', 'text/html; charset=utf-8')
    if (url.pathname === '/shop') {
      // The merchant's page: the checkout in an iframe, every message from it recorded.
      res.end(`<!doctype html><title>Shop</title><script>window.messages = []; addEventListener('message', (e) => messages.push({ data: e.data, origin: e.origin }))</script>
        <iframe title="Checkout" src="${url.searchParams.get('checkout')}" width="420" height="640" allow="clipboard-write"></iframe>`)
    } else res.end(`<!doctype html><title>${url.pathname}</title><h1>${url.pathname}</h1>`)
  })
  await new Promise<void>((resolve) => merchant.listen(0, '127.0.0.1', resolve))
  shop = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}`
})

afterAll(async () => {
  await browser?.close()
  await sandbox?.close()
  await new Promise((resolve) => merchant?.close(resolve))
})

async function createCheckout(extra: Record<string, unknown> = {}) {
  const res = await fetch(`${sandbox.apiBase}/checkouts/`, {
    method: 'POST',
    headers: { Authorization: `Api-Key ${sandbox.apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      currency: 'usdt',
      invoice_items: [{ price_data: { currency: 'usdt', unit_amount: '20.5', product_data: { name: 'Standard Plan', description: 'Monthly' } }, quantity: 2 }],
      ...extra,
    }),
  })
  expect(res.status).toBeLessThan(300)
  return (await res.json()) as { id: string; url: string; amountTotal: string; status: string }
}

async function statusOf(id: string): Promise<string> {
  const res = await fetch(`${sandbox.apiBase}/checkouts/${id}/`, { headers: { Authorization: `Api-Key ${sandbox.apiKey}` } })
  return ((await res.json()) as { status: string }).status
}

async function newPage(options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 }, colorScheme: options.colorScheme ?? 'light' })
  return context.newPage()
}

/** Waits until the iframe shows a page of the merchant's own origin (readable only then) at `path`. */
async function frameLandsOn(page: Page, path: string): Promise<void> {
  await page.waitForFunction((p) => {
    try {
      return document.querySelector('iframe')?.contentWindow?.location.pathname === p
    } catch {
      return false // still on the sandbox's origin
    }
  }, path)
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] })
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)
  })
  return violations
}

describe('the hosted checkout page in Chromium', { timeout: 60_000 }, () => {
  it('pays full-page and lands on the successUrl; the API then says complete', async () => {
    const checkout = await createCheckout({ success_url: `${shop}/thanks`, cancel_url: `${shop}/cart` })
    const page = await newPage()
    await page.goto(checkout.url)
    await page.getByRole('button', { name: 'Simulate payment' }).click()
    await page.waitForURL(`${shop}/thanks`)
    expect(await statusOf(checkout.id)).toBe('complete')
    await page.context().close()
  })

  it('framed on the merchant page: posts checkout.complete to the parent, then the frame lands on the successUrl', async () => {
    const checkout = await createCheckout({ success_url: `${shop}/thanks` })
    const page = await newPage()
    await page.goto(`${shop}/shop?checkout=${encodeURIComponent(checkout.url)}`)
    await page.frameLocator('iframe').getByRole('button', { name: 'Simulate payment' }).click()
    await frameLandsOn(page, '/thanks')
    expect(await page.evaluate(() => (window as unknown as { messages: unknown[] }).messages)).toEqual([
      { data: hostedMessage('ready', checkout.id), origin: sandbox.url },
      { data: hostedMessage('complete', checkout.id), origin: sandbox.url },
    ])
    expect(page.url()).toBe(`${shop}/shop?checkout=${encodeURIComponent(checkout.url)}`)
    await page.context().close()
  })

  it('framed: Cancel posts checkout.cancelled and the frame lands on the cancelUrl', async () => {
    const checkout = await createCheckout({ cancel_url: `${shop}/cart` })
    const page = await newPage()
    await page.goto(`${shop}/shop?checkout=${encodeURIComponent(checkout.url)}`)
    await page.frameLocator('iframe').getByRole('button', { name: 'Cancel' }).click()
    await frameLandsOn(page, '/cart')
    expect(await page.evaluate(() => (window as unknown as { messages: unknown[] }).messages)).toEqual([
      { data: hostedMessage('ready', checkout.id), origin: sandbox.url },
      { data: hostedMessage('cancelled', checkout.id), origin: sandbox.url },
    ])
    await page.context().close()
  })

  it('framed: a checkout that expires meanwhile shows the expired state and posts checkout.expired', async () => {
    const checkout = await createCheckout({ success_url: `${shop}/thanks` })
    const page = await newPage()
    await page.goto(`${shop}/shop?checkout=${encodeURIComponent(checkout.url)}`)
    const frame = page.frameLocator('iframe')
    await frame.getByRole('button', { name: 'Simulate payment' }).waitFor()
    clock += 31 * 60_000 // past the 30-minute expiry, on the sandbox's clock; the page's poll notices
    await frame.getByRole('heading', { name: 'This checkout has expired' }).waitFor()
    expect(await page.evaluate(() => (window as unknown as { messages: unknown[] }).messages)).toEqual([
      { data: hostedMessage('ready', checkout.id), origin: sandbox.url },
      { data: hostedMessage('expired', checkout.id), origin: sandbox.url },
    ])
    expect(await frame.getByRole('button', { name: 'Simulate payment' }).count()).toBe(0)
    await page.context().close()
  })

  it('copies the exact deposit address to the clipboard', async () => {
    const checkout = await createCheckout()
    const page = await newPage()
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sandbox.url })
    await page.goto(checkout.url)
    await page.getByRole('button', { name: 'Copy address' }).click()
    await expect.poll(() => page.evaluate(() => document.getElementById('pf-live')?.textContent)).toBe('Address copied')
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(depositAddressFor(checkout.id))
    expect(isTronAddress(copied)).toBe(true)
    await page.context().close()
  })

  // A long TWD total with its USDT quote must fit as well as a USDT one.
  const twd = { currency: 'TWD', invoice_items: [{ price_data: { currency: 'TWD', unit_amount: '99999999.99', product_data: { name: 'Alishan Oolong' } }, quantity: 2 }] }
  for (const [colorScheme, extra] of [['light', {}], ['dark', {}], ['light', twd], ['dark', twd]] as const) {
    it(`fits a 420×640 modal without horizontal scroll and passes axe (WCAG 2.2 AA), ${colorScheme}${extra === twd ? ', a TWD checkout' : ''}`, async () => {
      const checkout = await createCheckout(extra)
      const page = await newPage({ width: 420, height: 640, colorScheme })
      await page.goto(checkout.url)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420)
      expect(await axeViolations(page)).toEqual([])
      await page.getByRole('button', { name: 'Simulate payment' }).click()
      await page.getByRole('heading', { name: 'Payment received' }).waitFor()
      expect(await axeViolations(page)).toEqual([])
      await page.context().close()
    })
  }
})

describe('the hosted page’s own icon, in Chromium', { timeout: 60_000 }, () => {
  it('loads with no failed request and no 4xx in the shopper’s console', async () => {
    const checkout = await createCheckout()
    const page = await browser.newPage()
    const problems: string[] = []
    page.on('console', (message) => void (message.type() === 'error' && problems.push(message.text())))
    page.on('requestfailed', (request) => void problems.push(`failed ${request.url()}`))
    page.on('response', (response) => void (response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`)))
    try {
      await page.goto(checkout.url, { waitUntil: 'load' })
      expect(await page.locator('link[rel="icon"]').getAttribute('href')).toMatch(/^data:image\/svg\+xml,/)
      // The icon request a browser makes on its own is answered too.
      const icon = await page.request.get(`${sandbox.url}/favicon.ico`)
      expect([icon.status(), icon.headers()['content-type']]).toEqual([200, 'image/svg+xml'])
      expect(problems).toEqual([])
    } finally {
      await page.close()
    }
  })
})

describe('the hosted page refusing to be framed, in Chromium', { timeout: 60_000 }, () => {
  it.each(['deny', 'self'] as const)('framing "%s": the shop’s frame is refused and the page never reports ready', async (framing) => {
    expect((await fetch(`${sandbox.url}/_sandbox/settings?framing=${framing}`, { method: 'POST' })).status).toBe(200)
    const checkout = await createCheckout()
    const page = await browser.newPage()
    try {
      await page.goto(`${shop}/shop?checkout=${encodeURIComponent(checkout.url)}`, { waitUntil: 'load' })
      const frame = page.frames().find((f) => f !== page.mainFrame())!
      // Chromium shows its own error page in a refused frame (and still fires load).
      expect(frame.url()).toBe('chrome-error://chromewebdata/')
      expect(await page.evaluate(() => (window as unknown as { messages: unknown[] }).messages)).toEqual([])
    } finally {
      await page.close()
      await fetch(`${sandbox.url}/_sandbox/settings?framing=allow`, { method: 'POST' })
    }
  })
})

describe('the dashboard in Chromium', { timeout: 60_000 }, () => {
  it('never shows the API key or webhook secret, passes axe, and pays a checkout from its button', async () => {
    const checkout = await createCheckout({ client_reference_id: 'order_77' })
    const page = await newPage()
    await page.goto(`${sandbox.url}/_sandbox`)
    const html = await page.content()
    expect(html).not.toContain(sandbox.apiKey)
    expect(html).not.toContain(sandbox.webhookSecret)
    expect(await axeViolations(page)).toEqual([])
    const row = page.locator(`tr[data-checkout-id="${checkout.id}"]`)
    await expect.poll(() => row.getAttribute('data-status')).toBe('open')
    await page.getByRole('button', { name: `Pay checkout ${checkout.id}` }).click()
    await expect.poll(() => row.getAttribute('data-status')).toBe('complete')
    expect(await statusOf(checkout.id)).toBe('complete')
    await page.context().close()
  })
})
