import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStorefront, type Storefront } from '../server'
import { closedPort } from '../../../packages/server/test/fake-upstream'
import { rawPost } from '../../../packages/server/test/support/raw-request'

// The shop as `pnpm dev` runs it — its own server, the route handler, the webhook and
// the Vite app — with an in-process sandbox, all on 127.0.0.1 with free ports.
let shop: Storefront
let sandboxUrl: string

beforeAll(async () => {
  shop = await startStorefront({ port: 0, sandbox: { port: 0 }, env: {}, log: false })
  sandboxUrl = shop.sandbox!.url
}, 60_000)

afterAll(() => shop?.close())

interface OrderBody {
  id: string
  status: string
  amountTotal: string
  paidAt: string | null
  checkoutIds: string[]
}

// The shopper's browser session: the cookie the first order set, sent like a browser would.
let cookie = ''

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: shop.url, cookie },
  body: JSON.stringify(body),
})

async function placeOrder(items: unknown[], on: Storefront = shop): Promise<OrderBody> {
  const response = await fetch(`${on.url}/api/orders`, { ...json({ items }), headers: { 'content-type': 'application/json', origin: on.url, cookie } })
  expect(response.status).toBe(201)
  cookie = response.headers.get('set-cookie')?.split(';')[0] ?? cookie
  return ((await response.json()) as { order: OrderBody }).order
}

async function listOrders(on: Storefront = shop, as = cookie): Promise<OrderBody[]> {
  const response = await fetch(`${on.url}/api/orders`, { headers: { cookie: as } })
  expect(response.status).toBe(200)
  return ((await response.json()) as { orders: OrderBody[] }).orders
}

/** Polls until `check` returns a value, for at most `timeoutMs`; the callback arrives asynchronously. */
async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('storefront', () => {
  it('serves the React app at / and for client-side paths', async () => {
    for (const path of ['/', '/some/deep/link']) {
      const response = await fetch(`${shop.url}${path}`, { headers: { accept: 'text/html' } })
      expect(response.status).toBe(200)
      const html = await response.text()
      expect(html).toContain('<div id="root"></div>')
      expect(html).toContain('/src/main.tsx')
      expect(html).toContain('<title>Payfect Demo Shop</title>')
    }
  })

  it('serves the return pages on its own origin', async () => {
    const success = await fetch(`${shop.url}/checkout/success`)
    expect(success.status).toBe(200)
    expect(success.headers.get('content-type')).toMatch(/text\/html/)
    const page = await success.text()
    expect(page).toContain('Payment sent')
    // Its own icon inline: no /favicon.ico 404 in the shopper's console.
    expect(page).toMatch(/<link rel="icon" href="data:image\/svg\+xml,/)
    expect(await (await fetch(`${shop.url}/checkout/cancel`)).text()).toContain('Checkout cancelled')
  })

  it('prices an order on the server, exactly', async () => {
    const order = await placeOrder([
      { price: 'sticker-sheet', quantity: 3 },
      { price: 'orbit-mug', quantity: 1 },
      { price: 'sticker-sheet' },
    ])
    // 4 × 1.10 + 14.50, in decimal strings: a float sum would print 18.900000000000002.
    expect(order.amountTotal).toBe('18.90')
    expect(order.status).toBe('pending')
    expect((await listOrders()).map((o) => o.id)).toContain(order.id)
  })

  it('turns an order paid when the verified callback for its checkout arrives', async () => {
    const order = await placeOrder([{ price: 'pro-plan', quantity: 2 }, { price: 'prism-poster' }])
    expect(order.amountTotal).toBe('59.75')

    const created = await fetch(`${shop.url}/api/payfect/checkouts`, json({ items: [{ price: 'pro-plan', quantity: 2 }, { price: 'prism-poster', quantity: 1 }], clientReferenceId: order.id }))
    expect(created.status).toBe(200)
    const checkout = (await created.json()) as { id: string; url: string; amountTotal: string; status: string }
    expect(checkout.url).toBe(`${sandboxUrl}/checkouts/${checkout.id}`)
    expect(checkout.amountTotal).toBe('59.75')
    expect(checkout.status).toBe('open')
    expect((await listOrders()).find((o) => o.id === order.id)).toMatchObject({ status: 'pending', checkoutIds: [checkout.id] })

    const paid = await fetch(`${sandboxUrl}/_sandbox/checkouts/${checkout.id}/pay`, { method: 'POST' })
    expect(paid.status).toBe(200)

    const done = await eventually(async () => (await listOrders()).find((o) => o.id === order.id && o.status === 'paid'), `order ${order.id} to turn paid`)
    expect(done.paidAt).toEqual(expect.any(String))
    const deliveries = shop.sandbox!.state().checkouts.find((c) => c.checkout.id === checkout.id)!.deliveries
    expect(deliveries.map((d) => d.status)).toEqual([200])
  })

  it('shows an order expired once a status poll finds its checkout expired', async () => {
    const order = await placeOrder([{ price: 'orbit-mug' }])
    const created = await fetch(`${shop.url}/api/payfect/checkouts`, json({ items: [{ price: 'orbit-mug' }], clientReferenceId: order.id }))
    const { id } = (await created.json()) as { id: string }
    expect((await fetch(`${sandboxUrl}/_sandbox/checkouts/${id}/expire`, { method: 'POST' })).status).toBe(200)

    const polled = await fetch(`${shop.url}/api/payfect/checkouts?id=${id}`)
    expect(((await polled.json()) as { status: string }).status).toBe('expired')
    expect((await listOrders()).find((o) => o.id === order.id)).toMatchObject({ status: 'expired', expiredAt: expect.any(String) })
  })

  it('refuses a body that names an amount, and creates no checkout', async () => {
    const order = await placeOrder([{ price: 'aurora-hoodie' }])
    const before = shop.sandbox!.state().checkouts.length
    const tampered = [
      { items: [{ price: 'aurora-hoodie', quantity: 1, unit_amount: '0.01' }], clientReferenceId: order.id },
      { items: [{ price: 'aurora-hoodie', quantity: 1, price_data: { currency: 'usdt', unit_amount: '0.01', product_data: { name: 'Aurora Hoodie' } } }], clientReferenceId: order.id },
      { items: [{ price: 'aurora-hoodie', quantity: 1 }], amount: '0.01', clientReferenceId: order.id },
    ]
    for (const body of tampered) {
      const response = await fetch(`${shop.url}/api/payfect/checkouts`, json(body))
      expect(response.status).toBe(400)
      expect(((await response.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error')
    }
    expect(shop.sandbox!.state().checkouts.length).toBe(before)
    expect(shop.orders.get(order.id)!.checkoutIds).toEqual([])
  })

  it('refuses an order body that names an amount, and creates no order', async () => {
    const before = (await listOrders()).length
    for (const body of [
      { items: [{ price: 'orbit-mug', quantity: 1, unitAmount: '0.01' }] },
      { items: [{ price: 'orbit-mug', quantity: 1 }], amountTotal: '0.01' },
      { items: [{ price: 'not-for-sale', quantity: 1 }] },
      { items: [{ price: 'orbit-mug', quantity: 1.5 }] },
      { items: [] },
    ]) {
      const response = await fetch(`${shop.url}/api/orders`, json(body))
      expect(response.status).toBe(400)
      const { error } = (await response.json()) as { error: { message: string; fields: Record<string, string[]> } }
      expect(error.message).toMatch(/refused/)
      expect(Object.keys(error.fields).length).toBeGreaterThan(0)
    }
    const notJson = await fetch(`${shop.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })
    expect(notJson.status).toBe(415)
    expect((await listOrders()).length).toBe(before)
  })

  it('creates checkouts only for an existing unpaid order, for exactly its items', async () => {
    const order = await placeOrder([{ price: 'blockgrid-notebook', quantity: 2 }])
    const before = shop.sandbox!.state().checkouts.length
    const cases = [
      { items: [{ price: 'sticker-sheet', quantity: 1 }], clientReferenceId: order.id },
      { items: [{ price: 'blockgrid-notebook', quantity: 1 }], clientReferenceId: order.id },
      { items: [{ price: 'blockgrid-notebook', quantity: 2 }], clientReferenceId: 'ord_000000000000' },
      { items: [{ price: 'blockgrid-notebook', quantity: 2 }] },
    ]
    for (const body of cases) {
      const response = await fetch(`${shop.url}/api/payfect/checkouts`, json(body))
      expect(response.status).toBe(400)
      const { error } = (await response.json()) as { error: { fields: Record<string, string[]> } }
      expect(error.fields.clientReferenceId).toBeDefined()
    }
    expect(shop.sandbox!.state().checkouts.length).toBe(before)
  })

  it('ignores a callback whose signature does not verify', async () => {
    const order = await placeOrder([{ price: 'orbit-mug' }])
    const forged = { id: 'chk_forged', amount: '14.50', status: 'succeeded', currency: 'usdt', client_reference_id: order.id }
    const response = await fetch(`${shop.url}/api/payfect/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-payfect-signature': 'gAAAAABforged' },
      body: JSON.stringify(forged),
    })
    expect(response.status).toBe(400)
    expect(shop.orders.get(order.id)!.status).toBe('pending')
  })

  it('shows /api/orders only to the browser that placed them, and lets no other browser check one out', async () => {
    const order = await placeOrder([{ price: 'orbit-mug' }])
    expect((await listOrders()).map((o) => o.id)).toContain(order.id)
    expect(await listOrders(shop, '')).toEqual([])
    expect(await listOrders(shop, `shop_session=${'0'.repeat(32)}`)).toEqual([])
    const stranger = await fetch(`${shop.url}/api/payfect/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: shop.url },
      body: JSON.stringify({ items: [{ price: 'orbit-mug', quantity: 1 }], clientReferenceId: order.id }),
    })
    expect(stranger.status).toBe(403)
  })

  it('gives a reload the same checkout for the order, never a second one', async () => {
    const order = await placeOrder([{ price: 'orbit-mug' }])
    const before = shop.sandbox!.state().checkouts.length
    const ids = []
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${shop.url}/api/payfect/checkouts`, json({ items: [{ price: 'orbit-mug', quantity: 1 }], clientReferenceId: order.id }))
      expect(response.status).toBe(200)
      ids.push(((await response.json()) as { id: string }).id)
    }
    expect(new Set(ids).size).toBe(1)
    expect(shop.sandbox!.state().checkouts.length).toBe(before + 1)
    expect(shop.orders.get(order.id)!.checkoutIds).toEqual([ids[0]])
  })

  it('never puts a URL on a foreign Host or X-Forwarded-Host', async () => {
    const order = await placeOrder([{ price: 'orbit-mug' }])
    const headers = { origin: shop.url, cookie, host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }
    const response = await rawPost(`${shop.url}/api/payfect/checkouts`, headers, JSON.stringify({ items: [{ price: 'orbit-mug', quantity: 1 }], clientReferenceId: order.id }))
    expect(response.status).toBe(200)
    const { id } = JSON.parse(response.text) as { id: string }
    const created = shop.sandbox!.state().checkouts.find((c) => c.checkout.id === id)!.checkout
    expect(created).toMatchObject({ successUrl: `${shop.url}/checkout/success`, cancelUrl: `${shop.url}/checkout/cancel` })
    expect(JSON.stringify(created)).not.toContain('evil.example')
  })

  it('reads its own body through the route’s 64 KiB cap, chunked or declared', async () => {
    const big = JSON.stringify({ items: [{ price: 'orbit-mug' }], pad: 'x'.repeat(100 * 1024) })
    expect((await fetch(`${shop.url}/api/orders`, json(JSON.parse(big)))).status).toBe(413)
    const chunks = [big.slice(0, 50_000), big.slice(50_000)].map((part) => new TextEncoder().encode(part))
    const stream = new ReadableStream({ pull: (controller) => (chunks.length ? controller.enqueue(chunks.shift()!) : controller.close()) })
    const chunked = await fetch(`${shop.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: stream, duplex: 'half' } as RequestInit)
    expect(chunked.status).toBe(413)
  })
})

describe('storefront with a lost callback', () => {
  let lost: Storefront
  beforeAll(async () => {
    // The callback goes to a port nothing listens on, once, and is never retried: it is lost.
    const env = { PAYFECT_CALLBACK_URL: `http://127.0.0.1:${await closedPort()}/api/payfect/webhook` }
    lost = await startStorefront({ port: 0, sandbox: { port: 0, callbackRetryDelaysMs: [] }, env, log: false })
  }, 60_000)
  afterAll(() => lost?.close())

  it('turns the order paid on the shopper’s next status read', async () => {
    const order = await placeOrder([{ price: 'orbit-mug' }], lost)
    const created = await fetch(`${lost.url}/api/payfect/checkouts`, { ...json({ items: [{ price: 'orbit-mug', quantity: 1 }], clientReferenceId: order.id }), headers: { 'content-type': 'application/json', origin: lost.url, cookie } })
    const { id } = (await created.json()) as { id: string }
    expect((await fetch(`${lost.sandbox!.url}/_sandbox/checkouts/${id}/pay`, { method: 'POST' })).status).toBe(200)
    await lost.sandbox!.callbacksSettled()
    expect(lost.sandbox!.state().checkouts.find((c) => c.checkout.id === id)!.deliveries.every((d) => !d.ok)).toBe(true)
    expect(lost.orders.get(order.id)!.status).toBe('pending')

    const polled = await fetch(`${lost.url}/api/payfect/checkouts?id=${id}`)
    expect(await polled.json()).toMatchObject({ status: 'complete' })
    expect(lost.orders.get(order.id)).toMatchObject({ status: 'paid', problem: null })
  })
})
