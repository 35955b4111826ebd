import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStorefront, type Storefront } from '../server'

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

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: shop.url },
  body: JSON.stringify(body),
})

async function placeOrder(items: unknown[]): Promise<OrderBody> {
  const response = await fetch(`${shop.url}/api/orders`, json({ items }))
  expect(response.status).toBe(201)
  return ((await response.json()) as { order: OrderBody }).order
}

async function listOrders(): Promise<OrderBody[]> {
  const response = await fetch(`${shop.url}/api/orders`)
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
    expect(await success.text()).toContain('Payment sent')
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
})
