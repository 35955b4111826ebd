import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { type Payment, readCheckoutSummary, readErrorEnvelope } from '@payfect/contract'
import { type CheckoutHandlerOptions, createCheckoutHandler } from '../src/index'
import { toNodeHandler } from '../src/node'
import { checkoutFixture, type FakeUpstream, startFakeUpstream } from './fake-upstream'
import { listen } from './support/listen'
import { rawPost } from './support/raw-request'

const API_KEY = 'sk_test_trust_key_99'
const SHOP = 'https://shop.example'
const ROUTE = `${SHOP}/api/payfect/checkouts`
const ID = 'ed8d24aa-a860-426b-8e56-87cb9f55a081'
const catalog = { 'pro-plan': { name: 'Pro plan', unitAmount: '20.00', currency: 'usdt' } }
const PAYFECT_BASE = 'https://api.payfect.finance/api/v1'

let upstream: FakeUpstream
let onError: ReturnType<typeof vi.fn<(error: unknown, request: Request) => void>>
beforeAll(async () => {
  upstream = await startFakeUpstream()
})
afterAll(() => upstream.close())
beforeEach(() => {
  upstream.reset()
  onError = vi.fn<(error: unknown, request: Request) => void>()
})

/** Payfect's own API base, answered by the fake upstream: the fetch is the only thing redirected. */
const viaPayfect: typeof fetch = (input, init) => fetch(String(input).replace(PAYFECT_BASE, upstream.baseUrl), init)

function handler(options: Partial<CheckoutHandlerOptions> = {}) {
  return createCheckoutHandler({ apiKey: API_KEY, publicOrigin: SHOP, catalog, onError, env: { NODE_ENV: 'production' }, ...options })
}

const post = (body: unknown = { items: [{ price: 'pro-plan' }] }, headers: Record<string, string> = {}) =>
  new Request(ROUTE, { method: 'POST', headers: { 'content-type': 'application/json', origin: SHOP, ...headers }, body: JSON.stringify(body) })

const get = (id = ID) => new Request(`${ROUTE}?id=${id}`)

async function read(response: Response) {
  return (await response.json()) as { error?: { type: string; code?: string; message: string }; hostedOrigin?: string; url?: string; id?: string }
}

describe('the checkout url from upstream is trusted only on the hosted origin', () => {
  it('accepts Payfect’s two hosted origins for Payfect’s API base, and announces the one used', async () => {
    for (const origin of ['https://buy.payfect.finance', 'https://buy-dev.payfect.finance']) {
      upstream.on('POST', '/checkouts/', { json: checkoutFixture({ url: `${origin}/checkouts/${ID}` }) })
      const answer = await read(await handler({ fetch: viaPayfect })(post()))
      expect(answer).toMatchObject({ url: `${origin}/checkouts/${ID}`, hostedOrigin: origin })
      // What the kit reads: the contract's own reader accepts the route's answer as it is.
      expect(readCheckoutSummary(answer)).toMatchObject({ ok: true, summary: answer })
    }
  })

  it.each([
    ['javascript:', `javascript:alert(document.cookie)//https://buy.payfect.finance/`],
    ['data:', 'data:text/html,<script>parent.postMessage("paid","*")</script>'],
    ['another host', `https://buy.payfect.finance.evil.example/checkouts/${ID}`],
    ['plain http', `http://buy.payfect.finance/checkouts/${ID}`],
    ['credentials', `https://user:pw@buy.payfect.finance/checkouts/${ID}`],
  ])('answers a %s url with 502 and logs why, never passing it on', async (_what, url) => {
    upstream.on('POST', '/checkouts/', { json: checkoutFixture({ url }) })
    upstream.on('GET', `/checkouts/${ID}/`, { json: checkoutFixture({ url }) })
    for (const request of [post(), get()]) {
      const response = await handler({ fetch: viaPayfect })(request)
      const text = await response.text()
      expect(response.status).toBe(502)
      expect(readErrorEnvelope(JSON.parse(text))).toMatchObject({ type: 'api_error', code: 'untrusted_checkout_url' })
      expect(text).not.toContain(url.slice(0, 20))
    }
    expect(onError).toHaveBeenCalledTimes(2)
    expect(onError.mock.calls[0]![0]).toMatchObject({ message: expect.stringContaining('is not on https://buy.payfect.finance or https://buy-dev.payfect.finance') })
  })

  it('accepts only the base’s own origin for a loopback base (the sandbox)', async () => {
    const sandboxUrl = `${upstream.origin}/checkout/${ID}`
    upstream.on('POST', '/checkouts/', { json: checkoutFixture({ url: sandboxUrl }) })
    expect(await read(await handler({ baseUrl: upstream.baseUrl })(post()))).toMatchObject({ url: sandboxUrl, hostedOrigin: upstream.origin })
    upstream.on('POST', '/checkouts/', { json: checkoutFixture() }) // buy-dev.payfect.finance: not the sandbox's
    expect((await read(await handler({ baseUrl: upstream.baseUrl })(post()))).error?.code).toBe('untrusted_checkout_url')
  })

  it('needs hostedOrigin for any other base, and then accepts only it', async () => {
    const other = 'https://api.staging.example/api/v1'
    const viaOther: typeof fetch = (input, init) => fetch(String(input).replace(other, upstream.baseUrl), init)
    upstream.on('POST', '/checkouts/', { json: checkoutFixture({ url: `https://pay.staging.example/c/${ID}` }) })
    const unset = await handler({ baseUrl: other, fetch: viaOther })(post())
    expect(unset.status).toBe(500)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/hostedOrigin/) }), expect.any(Request))
    const set = await handler({ baseUrl: other, fetch: viaOther, hostedOrigin: 'https://pay.staging.example' })(post())
    expect(await read(set)).toMatchObject({ hostedOrigin: 'https://pay.staging.example' })
  })
})

describe('nothing the request says decides where the shopper or the callback goes', () => {
  const urls = { successUrl: '/thanks', cancelUrl: '/cart', callbackUrl: '/api/payfect/webhook' }

  it('resolves relative URLs against publicOrigin whatever Host or X-Forwarded-Host say', async () => {
    upstream.on('POST', '/checkouts/', { json: checkoutFixture({ url: `${upstream.origin}/checkout/${ID}` }) })
    const shop = await listen(toNodeHandler(handler({ baseUrl: upstream.baseUrl, ...urls })))
    try {
      const headers = { origin: SHOP, host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }
      const response = await rawPost(`${shop.url}/api/payfect/checkouts`, headers, JSON.stringify({ items: [{ price: 'pro-plan' }] }))
      expect(response.status).toBe(200)
    } finally {
      await shop.close()
    }
    const sent = JSON.stringify(upstream.requests[0]?.json)
    expect(sent).not.toContain('evil.example')
    expect(upstream.requests[0]?.json).toMatchObject({ success_url: `${SHOP}/thanks`, cancel_url: `${SHOP}/cart`, callback_url: `${SHOP}/api/payfect/webhook` })
  })

  it('without publicOrigin, refuses to guess in production, and in development accepts only a loopback stand-in', async () => {
    const request = (host: string) =>
      new Request(`http://${host}/api/payfect/checkouts`, { method: 'POST', headers: { 'content-type': 'application/json', host }, body: JSON.stringify({ items: [{ price: 'pro-plan' }] }) })
    const production = handler({ baseUrl: 'https://api.payfect.finance/api/v1', fetch: viaPayfect, publicOrigin: undefined, ...urls })
    const refused = await production(request('evil.example'))
    expect(refused.status).toBe(500)
    expect(onError).toHaveBeenLastCalledWith(expect.objectContaining({ message: expect.stringMatching(/PAYFECT_PUBLIC_ORIGIN/) }), expect.any(Request))
    expect((await production(request('127.0.0.1:3000'))).status).toBe(500)

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const development = handler({ baseUrl: upstream.baseUrl, publicOrigin: undefined, env: { NODE_ENV: 'development' }, ...urls })
      expect((await development(request('evil.example'))).status).toBe(500)
      upstream.on('POST', '/checkouts/', { json: checkoutFixture({ url: `${upstream.origin}/checkout/${ID}` }) })
      expect((await development(request('127.0.0.1:3000'))).status).toBe(200)
      expect(upstream.requests.at(-1)?.json).toMatchObject({ success_url: 'http://127.0.0.1:3000/thanks' })
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/PAYFECT_PUBLIC_ORIGIN is unset/))
    } finally {
      warn.mockRestore()
    }
    expect(upstream.requests).toHaveLength(1)
  })

  it('refuses a successUrl or cancelUrl that is not http(s) at startup', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'mailto:a@b.example']) {
      expect(() => handler({ successUrl: url })).toThrow(/successUrl/)
      expect(() => handler({ cancelUrl: url })).toThrow(/cancelUrl/)
    }
  })
})

describe('one checkout per order', () => {
  const sandboxCheckout = (overrides: Parameters<typeof checkoutFixture>[0] = {}) =>
    checkoutFixture({ url: `${upstream.origin}/checkout/${overrides.id ?? ID}`, clientReferenceId: 'ord_1', expiresAt: String(Date.now() + 3_600_000), ...overrides })
  const order = { items: [{ price: 'pro-plan' }], clientReferenceId: 'ord_1' }

  it('returns the order’s open checkout from findOpenCheckout instead of creating a second', async () => {
    upstream.on('GET', `/checkouts/${ID}/`, { json: sandboxCheckout() })
    const findOpenCheckout = vi.fn<(id: string, request: Request) => Promise<string>>(async () => ID)
    const answer = await read(await handler({ baseUrl: upstream.baseUrl, findOpenCheckout })(post(order)))
    expect(answer).toMatchObject({ id: ID, hostedOrigin: upstream.origin })
    expect(findOpenCheckout).toHaveBeenCalledWith('ord_1', expect.any(Request))
    expect(upstream.requests.map((r) => r.method)).toEqual(['GET'])
  })

  it.each([
    ['expired', { status: 'expired' as const }],
    ['about to expire', { expiresAt: String(Date.now() + 30_000) }],
    ['another order’s', { clientReferenceId: 'ord_2' }],
  ])('creates a new checkout when the stored one is %s', async (_what, overrides) => {
    upstream.on('GET', `/checkouts/${ID}/`, { json: sandboxCheckout(overrides) })
    upstream.on('POST', '/checkouts/', { json: sandboxCheckout({ id: 'chk_new' }) })
    const answer = await read(await handler({ baseUrl: upstream.baseUrl, findOpenCheckout: () => ID })(post(order)))
    expect(answer.id).toBe('chk_new')
    expect(upstream.requests.map((r) => r.method)).toEqual(['GET', 'POST'])
  })

  it('creates one when the store has none, and answers 500 for a store that returns a non-id', async () => {
    upstream.on('POST', '/checkouts/', { json: sandboxCheckout() })
    expect((await handler({ baseUrl: upstream.baseUrl, findOpenCheckout: () => null })(post(order))).status).toBe(200)
    expect((await handler({ baseUrl: upstream.baseUrl, findOpenCheckout: () => '../x' })(post(order))).status).toBe(500)
    expect(upstream.requests.map((r) => r.method)).toEqual(['POST'])
  })
})

describe('GET ?id=: status reads', () => {
  it('shares one Payfect call between concurrent polls of one checkout', async () => {
    upstream.on('GET', `/checkouts/${ID}/`, { json: checkoutFixture({ url: `${upstream.origin}/c/${ID}` }), delayMs: 50 })
    const route = handler({ baseUrl: upstream.baseUrl })
    const answers = await Promise.all([route(get()), route(get()), route(get())])
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
    expect(await route(get()).then((r) => r.status)).toBe(200)
    expect(upstream.requests).toHaveLength(1)
  })

  it('does not keep a failed read', async () => {
    upstream.enqueue({ status: 500, json: { detail: 'down' } })
    upstream.on('GET', `/checkouts/${ID}/`, { json: checkoutFixture({ url: `${upstream.origin}/c/${ID}` }) })
    const route = handler({ baseUrl: upstream.baseUrl })
    expect((await route(get())).status).toBe(502)
    expect((await route(get())).status).toBe(200)
  })

  it('calls onPayment with the contract’s Payment when it sees complete, once per checkout', async () => {
    upstream.on('GET', `/checkouts/${ID}/`, { json: checkoutFixture({ url: `${upstream.origin}/c/${ID}`, status: 'complete', clientReferenceId: 'ord_1', amountTotal: '20.00' }) })
    const onPayment = vi.fn<(payment: Payment) => void>()
    const route = handler({ baseUrl: upstream.baseUrl, onPayment })
    expect((await route(get())).status).toBe(200)
    expect((await route(get())).status).toBe(200)
    expect(onPayment).toHaveBeenCalledTimes(1)
    expect(onPayment.mock.calls[0]?.[0]).toEqual({ checkoutId: ID, clientReferenceId: 'ord_1', amount: '20.00', currency: 'usdt', livemode: false, source: 'status' })
  })

  it('still answers the status when onPayment fails, reports it, and tries again on the next poll', async () => {
    upstream.on('GET', `/checkouts/${ID}/`, { json: checkoutFixture({ url: `${upstream.origin}/c/${ID}`, status: 'complete' }) })
    const onPayment = vi.fn<(value: unknown, request: Request) => void>().mockRejectedValueOnce(new Error('db down')).mockResolvedValue(undefined)
    const route = handler({ baseUrl: upstream.baseUrl, onPayment })
    expect(await read(await route(get()))).toMatchObject({ id: ID })
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'db down' }), expect.any(Request))
    await route(get())
    expect(onPayment).toHaveBeenCalledTimes(2)
  })
})

describe('an abandoned request', () => {
  it('stops the Payfect call when request.signal aborts', async () => {
    upstream.on('POST', '/checkouts/', { json: checkoutFixture(), delayMs: 20_000 })
    const controller = new AbortController()
    const request = new Request(ROUTE, { method: 'POST', signal: controller.signal, headers: { 'content-type': 'application/json', origin: SHOP }, body: JSON.stringify({ items: [{ price: 'pro-plan' }] }) })
    const answer = handler({ baseUrl: upstream.baseUrl, timeoutMs: 60_000 })(request)
    await vi.waitFor(() => expect(upstream.requests).toHaveLength(1))
    controller.abort()
    expect((await answer).status).toBe(502)
    expect(upstream.requests).toHaveLength(1)
  })
})
