import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { inspect } from 'node:util'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  type Catalog,
  type CheckoutHandlerOptions,
  type InvoiceItemParams,
  createCheckoutHandler,
  PayfectAuthenticationError,
  PayfectConfigurationError,
  PayfectConnectionError,
  PayfectInvalidRequestError,
  type RequestedItem,
  type ValidatedCheckoutBody,
} from '../src/index'
import { toNodeHandler } from '../src/node'
import { checkoutFixture, closedPort, type FakeUpstream, startFakeUpstream } from './fake-upstream'

type UrlFunction = (request: Request, body: ValidatedCheckoutBody) => string
type ResolveItems = (items: RequestedItem[]) => Promise<InvoiceItemParams[]>

const API_KEY = 'sk_test_handler_s3cret_key_42'
const SHOP = 'https://shop.example'
const ROUTE = `${SHOP}/api/payfect/checkouts`
const CHECKOUT_ID = 'ed8d24aa-a860-426b-8e56-87cb9f55a081'

const catalog = {
  'pro-plan': { name: 'Pro plan', unitAmount: '20.00', currency: 'usdt', description: 'Billed monthly' },
  sticker: { name: 'Sticker', unitAmount: '1.5', currency: 'usdt', images: ['https://shop.example/sticker.png'] },
  'usdc-mug': { name: 'Mug', unitAmount: '12.00', currency: 'usdc' },
} satisfies Catalog

let upstream: FakeUpstream
type OnError = (error: unknown, request: Request) => void
let onError: ReturnType<typeof vi.fn<OnError>>

beforeAll(async () => {
  upstream = await startFakeUpstream()
})
afterAll(() => upstream.close())
beforeEach(() => {
  upstream.reset()
  upstream.on('POST', '/checkouts/', { json: checkoutFixture({ amountTotal: '41.50' }) })
  onError = vi.fn<OnError>()
})

const HOSTED = 'https://buy-dev.payfect.finance'

/** Everything but what is sold: the run-time settings a merchant's environment gives. */
function settings(options: { timeoutMs?: number; baseUrl?: string } = {}): Partial<CheckoutHandlerOptions> {
  return {
    apiKey: API_KEY,
    baseUrl: options.baseUrl ?? upstream.baseUrl,
    hostedOrigin: HOSTED,
    publicOrigin: SHOP,
    timeoutMs: options.timeoutMs ?? 5_000,
    env: { NODE_ENV: 'production' },
  }
}

function handlerWith(options: Partial<CheckoutHandlerOptions> = {}) {
  return createCheckoutHandler({ ...settings(), catalog, onError, ...options })
}

function post(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(ROUTE, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: SHOP, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** Asserts a refusal's status, `error.type`, optional field path, `no-store`, and that it leaks nothing. */
async function expectError(response: Response, status: number, type: string, field?: string) {
  const text = await response.text()
  expect({ status: response.status, text }).toMatchObject({ status })
  expect(response.headers.get('cache-control')).toBe('no-store')
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  expect(text).not.toContain(API_KEY)
  const { error } = JSON.parse(text) as { error: { type: string; code?: string; message: string; fields?: Record<string, string[]> } }
  expect(error.type).toBe(type)
  expect(error.message.length).toBeGreaterThan(10)
  if (field) expect(Object.keys(error.fields ?? {})).toContain(field)
  return error
}

const upstreamCalls = () => upstream.requests.length

describe('POST: creating a checkout from the catalog', () => {
  it('sends price_data built from the catalog and answers with the summary', async () => {
    const response = await handlerWith()(post({ items: [{ price: 'pro-plan', quantity: 2 }, { price: 'sticker' }] }))

    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const summary = (await response.json()) as { serverTime: string }
    expect(Date.parse(summary.serverTime)).toBeGreaterThan(Date.now() - 60_000)
    expect(summary).toEqual({
      id: CHECKOUT_ID,
      url: `https://buy-dev.payfect.finance/checkouts/${CHECKOUT_ID}`,
      hostedOrigin: HOSTED,
      serverTime: summary.serverTime,
      clientReferenceId: null,
      status: 'open',
      amountTotal: '41.50',
      currency: 'usdt',
      expiresAt: '2023-12-30T12:26:06.000Z',
      successUrl: 'https://example.com/success',
      cancelUrl: 'https://example.com/cancel',
    })
    expect(upstream.requests).toHaveLength(1)
    const [sent] = upstream.requests
    expect(sent?.headers.authorization).toBe(`Api-Key ${API_KEY}`)
    expect(sent?.json).toEqual({
      currency: 'usdt',
      invoice_items: [
        { price_data: { currency: 'usdt', unit_amount: '20.00', product_data: { name: 'Pro plan', description: 'Billed monthly' } }, quantity: 2 },
        { price_data: { currency: 'usdt', unit_amount: '1.5', product_data: { name: 'Sticker', images: ['https://shop.example/sticker.png'] } }, quantity: 1 },
      ],
    })
  })

  it('merges the same price key given twice into one item', async () => {
    const response = await handlerWith()(post({ items: [{ price: 'sticker', quantity: 2 }, { price: 'pro-plan' }, { price: 'sticker', quantity: 3 }] }))
    expect(response.status).toBe(200)
    const sent = upstream.requests[0]?.json as { invoice_items: Array<{ quantity: number; price_data: { unit_amount: string } }> }
    expect(sent.invoice_items.map((item) => [item.price_data.unit_amount, item.quantity])).toEqual([['1.5', 5], ['20.00', 1]])
  })

  it('refuses merged quantities above 10000 at the later item', async () => {
    const response = await handlerWith()(post({ items: [{ price: 'sticker', quantity: 6000 }, { price: 'sticker', quantity: 5000 }] }))
    await expectError(response, 400, 'invalid_request_error', 'items[1].quantity')
    expect(upstreamCalls()).toBe(0)
  })

  it('reads the key, API base and public origin from the environment when left out', async () => {
    const env = { PAYFECT_API_KEY: API_KEY, PAYFECT_API_BASE: upstream.baseUrl, PAYFECT_PUBLIC_ORIGIN: SHOP, NODE_ENV: 'production' }
    const handler = createCheckoutHandler({ env, hostedOrigin: HOSTED, catalog, onError, successUrl: '/thanks' })
    expect((await handler(post({ items: [{ price: 'pro-plan' }] }))).status).toBe(200)
    expect(upstream.requests[0]?.headers.authorization).toBe(`Api-Key ${API_KEY}`)
    expect(upstream.requests[0]?.json).toMatchObject({ success_url: `${SHOP}/thanks` })
  })
})

describe('POST: prices never come from the browser', () => {
  for (const key of ['price_data', 'unit_amount', 'amount', 'unitAmount', 'amountTotal']) {
    it(`refuses "${key}" at the top level and on an item`, async () => {
      const handler = handlerWith()
      const top = await handler(post({ items: [{ price: 'pro-plan' }], [key]: '0.01' }))
      const error = await expectError(top, 400, 'invalid_request_error', key)
      expect(error.fields?.[key]?.[0]).toMatch(/set by the server/)
      const item = await handler(post({ items: [{ price: 'pro-plan' }, { price: 'sticker', [key]: '0.01' }] }))
      await expectError(item, 400, 'invalid_request_error', `items[1].${key}`)
      expect(upstreamCalls()).toBe(0)
    })
  }

  it('refuses unknown keys, including __proto__, at both levels', async () => {
    const handler = handlerWith()
    await expectError(await handler(post({ items: [{ price: 'pro-plan' }], discount: 'all' })), 400, 'invalid_request_error', 'discount')
    await expectError(await handler(post({ items: [{ price: 'pro-plan', name: 'free' }] })), 400, 'invalid_request_error', 'items[0].name')
    await expectError(await handler(post('{"items":[{"price":"pro-plan"}],"__proto__":{"x":1}}')), 400, 'invalid_request_error', '__proto__')
    expect(upstreamCalls()).toBe(0)
  })

  it('refuses price keys that are not in the catalog, prototype names included', async () => {
    const handler = handlerWith()
    for (const price of ['enterprise', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const error = await expectError(await handler(post({ items: [{ price: 'pro-plan' }, { price }] })), 400, 'invalid_request_error', 'items[1].price')
      expect(error.message).toMatch(/catalog/)
    }
    expect(upstreamCalls()).toBe(0)
  })

  it('refuses items of different currencies in one checkout', async () => {
    const response = await handlerWith()(post({ items: [{ price: 'pro-plan' }, { price: 'usdc-mug' }] }))
    const error = await expectError(response, 400, 'invalid_request_error', 'items')
    expect(error.message).toMatch(/usdt, usdc/)
    expect(upstreamCalls()).toBe(0)
  })
})

describe('POST: refusing malformed requests', () => {
  it('refuses bad JSON, an empty body and a body that is not an object (400)', async () => {
    const handler = handlerWith()
    await expectError(await handler(post('{"items": [')), 400, 'invalid_request_error')
    await expectError(await handler(post('')), 400, 'invalid_request_error')
    await expectError(await handler(post([{ price: 'pro-plan' }])), 400, 'invalid_request_error')
    await expectError(await handler(post('null')), 400, 'invalid_request_error')
    await expectError(await handler(post({})), 400, 'invalid_request_error', 'items')
    await expectError(await handler(post({ items: [] })), 400, 'invalid_request_error', 'items')
    await expectError(await handler(post({ items: ['pro-plan'] })), 400, 'invalid_request_error', 'items[0]')
    await expectError(await handler(post({ items: [{ quantity: 1 }] })), 400, 'invalid_request_error', 'items[0].price')
    expect(upstreamCalls()).toBe(0)
  })

  it('refuses a wrong or missing content type (415)', async () => {
    const handler = handlerWith()
    const body = JSON.stringify({ items: [{ price: 'pro-plan' }] })
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      await expectError(await handler(post(body, { 'content-type': type })), 415, 'invalid_request_error')
    }
    const untyped = new Request(ROUTE, { method: 'POST', headers: { origin: SHOP }, body: new Blob([body]) })
    await expectError(await handler(untyped), 415, 'invalid_request_error')
    expect((await handler(post(body, { 'content-type': 'application/json; charset=utf-8' }))).status).toBe(200)
  })

  it('refuses a body over 64 KiB (413), early when Content-Length declares it', async () => {
    const big = JSON.stringify({ items: [{ price: 'pro-plan' }], pad: 'x'.repeat(70_000) })
    await expectError(await handlerWith()(post(big)), 413, 'invalid_request_error')
    const declared = post({ items: [{ price: 'pro-plan' }] }, { 'content-length': String(64 * 1024 + 1) })
    await expectError(await handlerWith()(declared), 413, 'invalid_request_error')
    expect(declared.bodyUsed).toBe(false)
    const justUnder = JSON.stringify({ items: [{ price: 'pro-plan' }], clientReferenceId: 'x' }).padEnd(64 * 1024, ' ')
    expect((await handlerWith()(post(justUnder))).status).toBe(200)
    expect(upstreamCalls()).toBe(1)
  })

  it('stops reading an endless streamed body once it passes 64 KiB (413)', async () => {
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new TextEncoder().encode(pulled === 1 ? '{"items":[{"price":"pro-plan"}],"pad":"' : 'x'.repeat(16_384)))
      },
    })
    const request = new Request(ROUTE, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: SHOP },
      body: endless,
      duplex: 'half',
    } as RequestInit)
    expect(request.headers.get('content-length')).toBeNull()
    await expectError(await handlerWith()(request), 413, 'invalid_request_error')
    expect(pulled).toBeLessThan(10)
  })

  it('answers 500 and reports when something read the body before the handler', async () => {
    const request = post({ items: [{ price: 'pro-plan' }] })
    await request.text()
    const error = await expectError(await handlerWith()(request), 500, 'configuration_error')
    expect(error.code).toBe('body_already_read')
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/read the request body before createCheckoutHandler/) }), request)
    expect(upstreamCalls()).toBe(0)
  })

  it('refuses more than 100 items (400)', async () => {
    const items = Array.from({ length: 101 }, (_, i) => ({ price: i % 2 ? 'pro-plan' : 'sticker' }))
    const error = await expectError(await handlerWith()(post({ items })), 400, 'invalid_request_error', 'items')
    expect(error.fields?.items?.[0]).toMatch(/1 to 100 .*\(got 101 items\)/)
  })

  it('refuses quantities outside 1..10000 or not whole, naming each item', async () => {
    const bad = [0, -1, 10_001, 1.5, '2', null, 1e21]
    const items = [{ price: 'pro-plan', quantity: 1 }, ...bad.map((quantity) => ({ price: 'sticker', quantity }))]
    const error = await expectError(await handlerWith()(post({ items })), 400, 'invalid_request_error')
    expect(Object.keys(error.fields ?? {})).toEqual(bad.map((_, i) => `items[${i + 1}].quantity`))
    expect(error.message).toContain('items[1].quantity')
    expect(upstreamCalls()).toBe(0)
  })

  it('refuses other methods with 405 and Allow: GET, POST', async () => {
    const handler = handlerWith()
    for (const method of ['PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']) {
      const response = await handler(new Request(ROUTE, { method }))
      expect(response.status).toBe(405)
      expect(response.headers.get('allow')).toBe('GET, POST')
      expect(response.headers.get('cache-control')).toBe('no-store')
      if (method !== 'HEAD') await expectError(response, 405, 'invalid_request_error')
    }
  })
})

describe('POST: origin checks', () => {
  const body = { items: [{ price: 'pro-plan' }] }

  it('compares Origin with publicOrigin, never with Host or the request URL (Next.js rewrites it)', async () => {
    const handler = handlerWith()
    const rewritten = (origin: string, host: string) =>
      new Request('http://localhost:3000/api/payfect/checkouts', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, host },
        body: JSON.stringify(body),
      })
    expect((await handler(rewritten('https://shop.example', 'localhost:3000'))).status).toBe(200)
    const evil = await expectError(await handler(rewritten('https://evil.example', 'evil.example')), 403, 'permission_error')
    expect(evil.code).toBe('cross_origin')
    await expectError(await handler(rewritten('http://localhost:3000', 'localhost:3000')), 403, 'permission_error')
    await expectError(await handler(rewritten('https://shop.example.evil.example', 'shop.example')), 403, 'permission_error')
    await expectError(await handler(rewritten('http://shop.example', 'shop.example')), 403, 'permission_error')
    expect(upstreamCalls()).toBe(1)
  })

  it('refuses a cross-origin POST (403) without calling Payfect', async () => {
    const handler = handlerWith()
    await expectError(await handler(post(body, { origin: 'https://evil.example' })), 403, 'permission_error')
    await expectError(await handler(post(body, { origin: 'null' })), 403, 'permission_error')
    await expectError(await handler(post(body, { origin: 'http://shop.example' })), 403, 'permission_error')
    expect(upstreamCalls()).toBe(0)
  })

  it('falls back to Sec-Fetch-Site without an Origin header, and allows server-to-server calls', async () => {
    const handler = handlerWith()
    const headless = (site?: string) => {
      const request = post(body, site ? { 'sec-fetch-site': site } : {})
      request.headers.delete('origin')
      return request
    }
    await expectError(await handler(headless('cross-site')), 403, 'permission_error')
    await expectError(await handler(headless('same-site')), 403, 'permission_error')
    expect((await handler(headless('same-origin'))).status).toBe(200)
    expect((await handler(headless())).status).toBe(200)
  })

  it('accepts allowedOrigins with CORS headers and answers their preflight', async () => {
    const handler = handlerWith({ allowedOrigins: ['https://app.example', 'http://localhost:5173/'] })
    const response = await handler(post(body, { origin: 'http://localhost:5173' }))
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(response.headers.get('vary')).toBe('Origin')

    const preflight = await handler(new Request(ROUTE, { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' } }))
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example')
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type')
    expect(preflight.headers.get('cache-control')).toBe('no-store')

    upstream.on('GET', `/checkouts/${CHECKOUT_ID}/`, { json: checkoutFixture() })
    const poll = await handler(new Request(`${ROUTE}?id=${CHECKOUT_ID}`, { headers: { origin: 'https://app.example' } }))
    expect(poll.status).toBe(200)
    expect(poll.headers.get('access-control-allow-origin')).toBe('https://app.example')

    const stranger = await handler(new Request(ROUTE, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } }))
    expect(stranger.status).toBe(405)
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull()
    await expectError(await handler(post(body, { origin: 'https://evil.example' })), 403, 'permission_error')
  })
})

describe('POST: URLs and clientReferenceId', () => {
  it('resolves relative URLs against publicOrigin and calls URL functions', async () => {
    const successUrl = vi.fn<UrlFunction>((_request, body) => `/orders/${body.clientReferenceId}/thanks`)
    const handler = handlerWith({ successUrl, cancelUrl: 'cart', callbackUrl: 'https://hooks.example/payfect' })
    const request = post({ items: [{ price: 'pro-plan' }], clientReferenceId: 'order_42' })
    expect((await handler(request)).status).toBe(200)
    expect(upstream.requests[0]?.json).toMatchObject({
      success_url: 'https://shop.example/orders/order_42/thanks',
      cancel_url: 'https://shop.example/cart',
      callback_url: 'https://hooks.example/payfect',
      client_reference_id: 'order_42',
    })
    expect(successUrl).toHaveBeenCalledWith(request, { items: [{ price: 'pro-plan', quantity: 1 }], clientReferenceId: 'order_42' })
  })

  it('answers 500 and reports when a URL function returns something that is not an http(s) URL', async () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://shop.example/x']) {
      const handler = handlerWith({ successUrl: () => bad })
      const error = await expectError(await handler(post({ items: [{ price: 'pro-plan' }] })), 500, 'configuration_error')
      expect(error.message).not.toContain(bad)
    }
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/`successUrl` gave "javascript:alert\(1\)"/) }), expect.any(Request))
    expect(upstreamCalls()).toBe(0)
  })

  it('validates clientReferenceId from the body', async () => {
    const handler = handlerWith()
    for (const bad of ['', 'has space', 'a'.repeat(201), 'ordre/1', 42, null]) {
      await expectError(await handler(post({ items: [{ price: 'pro-plan' }], clientReferenceId: bad })), 400, 'invalid_request_error', 'clientReferenceId')
    }
    expect(upstreamCalls()).toBe(0)
    expect((await handler(post({ items: [{ price: 'pro-plan' }], clientReferenceId: 'A-z_0.9:x' }))).status).toBe(200)
    expect(upstream.requests[0]?.json).toMatchObject({ client_reference_id: 'A-z_0.9:x' })
  })

  it('lets the clientReferenceId option win over the body', async () => {
    const handler = handlerWith({ clientReferenceId: async (request) => `cart_${request.headers.get('x-cart')}` })
    expect((await handler(post({ items: [{ price: 'pro-plan' }], clientReferenceId: 'shopper_chosen' }, { 'x-cart': 'c1' }))).status).toBe(200)
    expect(upstream.requests[0]?.json).toMatchObject({ client_reference_id: 'cart_c1' })

    const named = handlerWith({ clientReferenceId: () => 'order_server', successUrl: (_request, body) => `/orders/${body.clientReferenceId}` })
    expect((await named(post({ items: [{ price: 'pro-plan' }], clientReferenceId: 'shopper_chosen' }))).status).toBe(200)
    expect(upstream.requests[1]?.json).toMatchObject({ client_reference_id: 'order_server', success_url: 'https://shop.example/orders/order_server' })

    const none = handlerWith({ clientReferenceId: () => undefined })
    expect((await none(post({ items: [{ price: 'pro-plan' }], clientReferenceId: 'shopper_chosen' }))).status).toBe(200)
    expect(upstream.requests[2]?.json).not.toHaveProperty('client_reference_id')
  })
})

describe('POST: allowPriceIds and resolveItems', () => {
  const priceId = '5b0f3c1e-8d5a-4f7e-9c2b-3a4d5e6f7a8b'

  it('refuses Payfect price ids unless allowPriceIds is on', async () => {
    await expectError(await handlerWith()(post({ items: [{ price: priceId }] })), 400, 'invalid_request_error', 'items[0].price')
    expect(upstreamCalls()).toBe(0)
  })

  it('sends price ids as stored prices when allowPriceIds is on', async () => {
    const handler = handlerWith({ catalog: undefined, allowPriceIds: true })
    expect((await handler(post({ items: [{ price: priceId, quantity: 3 }] }))).status).toBe(200)
    expect(upstream.requests[0]?.json).toEqual({ currency: 'usdt', invoice_items: [{ price: priceId, quantity: 3 }] })
    await expectError(await handler(post({ items: [{ price: '../prices/x' }] })), 400, 'invalid_request_error', 'items[0].price')
    expect(upstreamCalls()).toBe(1)
  })

  it('uses resolveItems with the merged items and the request', async () => {
    const resolveItems = vi.fn<ResolveItems>(async (items) =>
      items.map(({ price, quantity }) => ({ price_data: { currency: 'usdt', unit_amount: '3.00', product_data: { name: `db:${price}` } }, quantity })),
    )
    const handler = createCheckoutHandler({ ...settings(), resolveItems, onError })
    const request = post({ items: [{ price: 'sku-1' }, { price: 'sku-1', quantity: 2 }] })
    expect((await handler(request)).status).toBe(200)
    expect(resolveItems).toHaveBeenCalledWith([{ price: 'sku-1', quantity: 3 }], request)
    expect(upstream.requests[0]?.json).toEqual({
      currency: 'usdt',
      invoice_items: [{ price_data: { currency: 'usdt', unit_amount: '3.00', product_data: { name: 'db:sku-1' } }, quantity: 3 }],
    })
  })

  it('passes a PayfectInvalidRequestError from resolveItems to the browser as 400', async () => {
    const handler = createCheckoutHandler({
      ...settings(),
      onError,
      resolveItems: () => {
        throw new PayfectInvalidRequestError({ message: 'sku-9 is sold out.', fields: { 'items[0].price': ['is sold out.'] } })
      },
    })
    const error = await expectError(await handler(post({ items: [{ price: 'sku-9' }] })), 400, 'invalid_request_error', 'items[0].price')
    expect(error.message).toBe('sku-9 is sold out.')
    expect(onError).not.toHaveBeenCalled()
  })

  it('answers 500 without details when resolveItems fails otherwise, and reports it', async () => {
    const failing = createCheckoutHandler({ ...settings(), onError, resolveItems: async () => Promise.reject(new Error('db password rejected')) })
    const error = await expectError(await failing(post({ items: [{ price: 'sku-1' }] })), 500, 'api_error')
    expect(error.message).not.toContain('password')
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'db password rejected' }), expect.any(Request))

    const empty = createCheckoutHandler({ ...settings(), onError, resolveItems: () => [] })
    await expectError(await empty(post({ items: [{ price: 'sku-1' }] })), 500, 'api_error')
    expect(upstreamCalls()).toBe(0)
  })
})

describe('GET: status polling', () => {
  const get = (query: string) => new Request(`${ROUTE}${query}`, { headers: { origin: SHOP } })

  it('answers the summary fresh from Payfect', async () => {
    upstream.on('GET', `/checkouts/${CHECKOUT_ID}/`, { json: checkoutFixture({ status: 'complete', expiresAt: '2023-12-30T12:26:06Z' }) })
    const response = await handlerWith()(get(`?id=${CHECKOUT_ID}`))
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toMatchObject({ id: CHECKOUT_ID, status: 'complete', expiresAt: '2023-12-30T12:26:06.000Z' })
    expect(upstream.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /checkouts/${CHECKOUT_ID}/`])
  })

  it('sends expiresAt as ISO-8601 whichever format Payfect used, or null when unreadable', async () => {
    const handler = handlerWith()
    for (const [sent, expected] of [['1703939166000', '2023-12-30T12:26:06.000Z'], ['2023-12-30 12:26:06', '2023-12-30T12:26:06.000Z'], ['soon', null]] as const) {
      const id = `chk_${sent.replace(/[^\w-]/g, '_')}`
      upstream.on('GET', `/checkouts/${id}/`, { json: checkoutFixture({ id, expiresAt: sent }) })
      expect(await (await handler(get(`?id=${id}`))).json()).toMatchObject({ expiresAt: expected })
    }
  })

  it('refuses ids that are not ids (400) without calling Payfect', async () => {
    const handler = handlerWith()
    for (const query of ['', '?id=', '?id=../secret', '?id=%2F..%2Fproducts', '?id=a%2Fb', '?id=a.b', `?id=${'a'.repeat(101)}`, '?id=a&id=b', '?id=%00']) {
      await expectError(await handler(get(query)), 400, 'invalid_request_error', 'id')
    }
    expect(upstreamCalls()).toBe(0)
  })

  it('answers 404 for an id Payfect does not know', async () => {
    await expectError(await handlerWith()(get('?id=unknown_checkout')), 404, 'not_found_error')
    expect(upstream.requests[0]?.path).toBe('/checkouts/unknown_checkout/')
    expect(onError).not.toHaveBeenCalled()
  })
})

describe('upstream failures', () => {
  const body = { items: [{ price: 'pro-plan' }] }
  const leak = 'merchant-internal-7731'

  for (const [status, reply] of [
    [400, { json: { invoice_items: [{ price_data: { unit_amount: [`bad amount for ${leak}`] } }] } }],
    [401, { json: { detail: `Invalid key for ${leak}.` } }],
    [403, { json: { detail: `Forbidden for ${leak}.` } }],
    [500, { json: { detail: `Traceback at ${leak}` } }],
    [502, { text: `<html>${leak}</html>` }],
  ] as const) {
    it(`maps an upstream ${status} to 502 with a generic message, reporting the full error`, async () => {
      upstream.on('POST', '/checkouts/', { status, ...reply })
      const response = await handlerWith()(post(body))
      const text = await response.clone().text()
      const error = await expectError(response, 502, 'api_error')
      expect(error.message).toBe('The payment provider rejected the request; see server logs.')
      expect(text).not.toContain(leak)
      expect(onError).toHaveBeenCalledTimes(1)
      expect(inspect(onError.mock.calls[0]?.[0], { depth: 5 })).toContain(leak)
    })
  }

  it('maps a timeout to 504', async () => {
    upstream.on('POST', '/checkouts/', { json: checkoutFixture(), delayMs: 2_000 })
    const handler = createCheckoutHandler({ ...settings({ timeoutMs: 100 }), catalog, onError })
    await expectError(await handler(post(body)), 504, 'connection_error')
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ timedOut: true }), expect.any(Request))
  })

  it('maps a refused connection to 502', async () => {
    const handler = createCheckoutHandler({ ...settings({ baseUrl: `http://127.0.0.1:${await closedPort()}/api/v1` }), catalog, onError })
    await expectError(await handler(post(body)), 502, 'connection_error')
    expect(onError).toHaveBeenCalledWith(expect.any(PayfectConnectionError), expect.any(Request))
  })

  it('still answers when onError itself throws or rejects', async () => {
    upstream.on('POST', '/checkouts/', { status: 500, json: { detail: 'boom' } })
    const throwing = handlerWith({ onError: () => { throw new Error('logger down') } })
    await expectError(await throwing(post(body)), 502, 'api_error')
    const rejecting = handlerWith({ onError: async () => Promise.reject(new Error('logger down')) })
    await expectError(await rejecting(post(body)), 502, 'api_error')
    expect(upstreamCalls()).toBe(2)
  })

  it('logs with console.error and the [@payfect/server] prefix by default, without the key', async () => {
    upstream.on('POST', '/checkouts/', { status: 401, json: { detail: 'Invalid API key.' } })
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const handler = createCheckoutHandler({ ...settings(), catalog })
      await expectError(await handler(post(body)), 502, 'api_error')
      expect(spy).toHaveBeenCalledTimes(1)
      expect(spy.mock.calls[0]?.[0]).toMatch(/^\[@payfect\/server\]/)
      expect(spy.mock.calls[0]?.[1]).toBeInstanceOf(PayfectAuthenticationError)
      expect(inspect(spy.mock.calls, { depth: 8 })).not.toContain(API_KEY)
    } finally {
      spy.mockRestore()
    }
  })
})

describe('construction', () => {
  const configError = (options: unknown) => {
    try {
      createCheckoutHandler(options as CheckoutHandlerOptions)
    } catch (error) {
      expect(error).toBeInstanceOf(PayfectConfigurationError)
      return (error as Error).message
    }
    throw new Error('expected createCheckoutHandler to throw')
  }

  it('is created without secrets (build time) and names the variable on the first request', async () => {
    const log = vi.fn<OnError>()
    const handler = createCheckoutHandler({ catalog, env: { NODE_ENV: 'production' }, onError: log })
    const error = await expectError(await handler(post({ items: [{ price: 'pro-plan' }] })), 500, 'configuration_error')
    expect(error.message).not.toMatch(/PAYFECT_/)
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/PAYFECT_API_KEY/) }), expect.any(Request))
    const blank = createCheckoutHandler({ catalog, env: { NODE_ENV: 'production', PAYFECT_API_KEY: 'Api-Key sk_1' }, onError: log })
    await expectError(await blank(post({ items: [{ price: 'pro-plan' }] })), 500, 'configuration_error')
    expect(log).toHaveBeenLastCalledWith(expect.objectContaining({ message: expect.stringMatching(/PAYFECT_API_KEY to the key alone/) }), expect.any(Request))
    expect(upstreamCalls()).toBe(0)
  })

  it('fails at once on values wrong in every environment: a non-URL base or origin', () => {
    expect(configError({ catalog, baseUrl: 'api.payfect.finance' })).toMatch(/baseUrl/)
    expect(configError({ catalog, publicOrigin: 'https://shop.example/path' })).toMatch(/publicOrigin/)
    expect(configError({ catalog, hostedOrigin: 'javascript:alert(1)' })).toMatch(/hostedOrigin/)
    expect(configError({ catalog, timeoutMs: -1 })).toMatch(/timeoutMs/)
  })

  it('fails on catalog mistakes, naming the entry', () => {
    const typo = (entry: unknown) => configError({ apiKey: API_KEY, catalog: { 'pro-plan': catalog['pro-plan'], 'gold-plan': entry } })
    expect(typo({ name: 'Gold', unitAmount: 20.5, currency: 'usdt' })).toMatch(/catalog\["gold-plan"\]\.unitAmount .*never a float/)
    expect(typo({ name: 'Gold', unitAmount: '20,50', currency: 'usdt' })).toMatch(/catalog\["gold-plan"\]\.unitAmount/)
    expect(typo({ name: '', unitAmount: '20', currency: 'usdt' })).toMatch(/catalog\["gold-plan"\]\.name/)
    expect(typo({ name: 'Gold', unitAmount: '20', currency: 'USDT' })).toMatch(/catalog\["gold-plan"\]\.currency/)
    expect(typo({ name: 'Gold', unit_amount: '20', currency: 'usdt' })).toMatch(/did you mean `unitAmount`/)
    expect(typo({ name: 'Gold', unitAmount: '20', currency: 'usdt', images: ['not a url'] })).toMatch(/catalog\["gold-plan"\]\.images/)
    expect(typo('20.00')).toMatch(/catalog\["gold-plan"\] must be an object/)
    expect(configError({ apiKey: API_KEY, catalog: [] })).toMatch(/catalog/)
  })

  it('fails when nothing can be bought, or on conflicting or malformed options', () => {
    expect(configError({ apiKey: API_KEY })).toMatch(/nothing can be bought/)
    expect(configError({ apiKey: API_KEY, catalog: {} })).toMatch(/nothing can be bought/)
    expect(configError({ apiKey: API_KEY, catalog, resolveItems: () => [] })).toMatch(/resolveItems/)
    expect(configError({ apiKey: API_KEY, catalog, allowedOrigins: ['https://*.example'] })).toMatch(/allowedOrigins/)
    expect(configError({ apiKey: API_KEY, catalog, allowedOrigins: ['https://shop.example/path'] })).toMatch(/allowedOrigins/)
    expect(configError({ apiKey: API_KEY, catalog, successUrl: 'javascript:alert(1)' })).toMatch(/successUrl/)
    expect(configError({ apiKey: API_KEY, catalog, callbackUrl: '' })).toMatch(/callbackUrl/)
  })

  it('does not let later changes to the catalog object through', async () => {
    const mutable: Record<string, { name: string; unitAmount: string; currency: string }> = { a: { name: 'A', unitAmount: '5.00', currency: 'usdt' } }
    const handler = handlerWith({ catalog: mutable })
    mutable.a!.unitAmount = '0.01'
    mutable.b = { name: 'B', unitAmount: '0.01', currency: 'usdt' }
    expect((await handler(post({ items: [{ price: 'a' }] }))).status).toBe(200)
    expect(upstream.requests[0]?.json).toMatchObject({ invoice_items: [{ price_data: { unit_amount: '5.00' } }] })
    await expectError(await handler(post({ items: [{ price: 'b' }] })), 400, 'invalid_request_error', 'items[0].price')
  })
})

describe('through node:http with toNodeHandler', () => {
  let server: Server
  let base: string
  beforeAll(async () => {
    const handler = createCheckoutHandler({ ...settings(), publicOrigin: undefined, env: { NODE_ENV: 'development' }, catalog, successUrl: '/thanks', onError: () => {} })
    server = createServer(toNodeHandler(handler))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
  afterEach(() => server.closeAllConnections())

  it('in development, lets a loopback origin stand in for an unset publicOrigin', async () => {
    const response = await fetch(`${base}/api/payfect/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ items: [{ price: 'pro-plan', quantity: 2 }] }),
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toMatchObject({ id: CHECKOUT_ID, amountTotal: '41.50' })
    expect(upstream.requests[0]?.json).toMatchObject({ success_url: `${base}/thanks`, invoice_items: [{ quantity: 2 }] })
  })

  it('refuses an oversized chunked body with 413 while streaming', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${base}/api/payfect/checkouts`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      })
      req.on('error', reject)
      req.write('{"items":[{"price":"pro-plan"}],"pad":"')
      for (let i = 0; i < 8; i++) req.write('x'.repeat(16_384))
      req.end('"}')
    })
    expect(status).toBe(413)
    expect(JSON.parse(body)).toMatchObject({ error: { type: 'invalid_request_error' } })
    expect(upstreamCalls()).toBe(0)
  })

  it('answers GET polling and 405', async () => {
    upstream.on('GET', `/checkouts/${CHECKOUT_ID}/`, { json: checkoutFixture({ status: 'expired' }) })
    const poll = await fetch(`${base}/api/payfect/checkouts?id=${CHECKOUT_ID}`)
    expect(await poll.json()).toMatchObject({ status: 'expired' })
    const put = await fetch(`${base}/api/payfect/checkouts`, { method: 'PUT' })
    expect(put.status).toBe(405)
    expect(put.headers.get('allow')).toBe('GET, POST')
  })
})
