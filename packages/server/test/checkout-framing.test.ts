import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { type CheckoutHandlerOptions, createCheckoutHandler, createFramingProbe, PayfectConfigurationError } from '../src/index'
import { checkoutFixture, type FakeUpstream, startFakeUpstream } from './fake-upstream'
import { type Listening, listen } from './support/listen'

// A small hosted-page server plays Payfect's checkout pages, so each test scripts what the API
// answers (checkout-framing-sandbox.test.ts runs the route against the sandbox itself):
// `/deny` sends X-Frame-Options: DENY, `/open` no framing policy.
const API_KEY = 'sk_test_framing_s3cret_key_42'
const SHOP = 'http://shop.example'
const ROUTE = `${SHOP}/api/payfect/checkouts`
const catalog = { 'pro-plan': { name: 'Pro plan', unitAmount: '20.00', currency: 'usdt' } }

let upstream: FakeUpstream
let hosted: Listening
let pageHits: { path: string; headers: IncomingHttpHeaders }[] = []

beforeAll(async () => {
  upstream = await startFakeUpstream()
  hosted = await listen((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    pageHits.push({ path, headers: req.headers })
    res.writeHead(200, path.startsWith('/deny') ? { 'x-frame-options': 'DENY' } : {}).end('<p>checkout</p>')
  })
})
afterAll(() => Promise.all([upstream.close(), hosted.close()]))
beforeEach(() => {
  upstream.reset()
  pageHits = []
})
afterEach(() => vi.restoreAllMocks())

/** Payfect answers every create with a checkout whose page is `path` on the hosted-page server. */
function pagesAt(path: string) {
  upstream.on('POST', '/checkouts/', { json: checkoutFixture({ url: `${hosted.url}${path}` }) })
}

function handlerWith(options: Partial<CheckoutHandlerOptions> = {}) {
  return createCheckoutHandler({
    apiKey: API_KEY,
    baseUrl: upstream.baseUrl,
    hostedOrigin: hosted.url,
    publicOrigin: SHOP,
    env: { NODE_ENV: 'production' },
    catalog,
    onError: () => {},
    ...options,
  })
}

const askEmbeddable = async (handler: ReturnType<typeof createCheckoutHandler>) => {
  const response = await handler(new Request(`${ROUTE}?embeddable`, { headers: { origin: SHOP } }))
  expect(response.status).toBe(200)
  expect(response.headers.get('cache-control')).toBe('no-store')
  return response.json()
}

describe('GET ?embeddable', () => {
  it('with the probe on and the page refusing framing, answers false', async () => {
    pagesAt('/deny/checkouts/1')
    expect(await askEmbeddable(handlerWith({ framingProbe: createFramingProbe() }))).toEqual({ embeddable: false, hostedOrigin: hosted.url })
  })

  it('with the probe on and framing allowed, answers true from a page of its own, then from the cache', async () => {
    pagesAt('/open/checkouts/1')
    const handler = handlerWith({ framingProbe: createFramingProbe() })
    expect(await askEmbeddable(handler)).toEqual({ embeddable: true, hostedOrigin: hosted.url })
    expect(await askEmbeddable(handler)).toEqual({ embeddable: true, hostedOrigin: hosted.url })
    // One page made from a catalog item and fetched once, with no API key, no cookie, no callback.
    expect(upstream.requests.map((request) => [request.method, request.path])).toEqual([['POST', '/checkouts/']])
    expect(upstream.requests[0]?.json).toEqual({
      currency: 'usdt',
      invoice_items: [{ price_data: { currency: 'usdt', unit_amount: '20.00', product_data: { name: 'Pro plan' } }, quantity: 1 }],
    })
    expect(pageHits.map((hit) => hit.path)).toEqual(['/open/checkouts/1'])
    expect(JSON.stringify(pageHits[0]?.headers)).not.toContain(API_KEY)
    expect(pageHits[0]?.headers.authorization).toBeUndefined()
    expect(pageHits[0]?.headers.cookie).toBeUndefined()
  })

  it('with the probe off, answers null without a Payfect call or a page fetch', async () => {
    pagesAt('/deny/checkouts/1')
    expect(await askEmbeddable(handlerWith())).toEqual({ embeddable: null, hostedOrigin: hosted.url })
    expect(upstream.requests).toHaveLength(0)
    expect(pageHits).toHaveLength(0)
  })

  it('answers null, and tells onError, when no page could be made', async () => {
    upstream.on('POST', '/checkouts/', { status: 401, json: { detail: 'Invalid API key.' } })
    const onError = vi.fn<(error: unknown) => void>()
    expect(await askEmbeddable(handlerWith({ framingProbe: createFramingProbe(), onError }))).toEqual({ embeddable: null, hostedOrigin: hosted.url })
    expect(onError).toHaveBeenCalledOnce()
  })

  it('a checkout id still reads the checkout', async () => {
    upstream.on('GET', '/checkouts/ed8d24aa-a860-426b-8e56-87cb9f55a081/', { json: checkoutFixture({ url: `${hosted.url}/open/checkouts/1` }) })
    const response = await handlerWith()(new Request(`${ROUTE}?id=ed8d24aa-a860-426b-8e56-87cb9f55a081&embeddable`))
    expect(await response.json()).toMatchObject({ id: 'ed8d24aa-a860-426b-8e56-87cb9f55a081', status: 'open' })
  })

  it('refuses a framingProbe that is not a probe when the handler is created', () => {
    expect(() => handlerWith({ framingProbe: true as never })).toThrow(PayfectConfigurationError)
  })
})

describe('the development framing check', () => {
  it('warns once at startup with the report, naming the header and the fix, when the page refuses framing', async () => {
    pagesAt('/deny/checkouts/1')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const handler = handlerWith({ framingProbe: createFramingProbe(), env: { NODE_ENV: 'development' } })
    await vi.waitFor(() => expect(warn).toHaveBeenCalledOnce())
    const text = String(warn.mock.calls[0]?.[0])
    expect(text).toContain('X-Frame-Options: DENY')
    expect(text).toContain('fix: Use mode="popup"')
    expect(text).toContain('Result: no, the modal cannot show it (the checkout page\'s framing is decided by x-frame-options).')
    // The report warmed the probe's cache: ?embeddable needs no second page.
    expect(await askEmbeddable(handler)).toEqual({ embeddable: false, hostedOrigin: hosted.url })
    expect(upstream.requests).toHaveLength(1)
  })

  it('stays quiet when the page may be framed, and is off in production', async () => {
    pagesAt('/open/checkouts/2')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const probe = createFramingProbe()
    const check = vi.spyOn(probe, 'check')
    handlerWith({ framingProbe: probe, env: { NODE_ENV: 'development' } })
    await vi.waitFor(() => expect(check).toHaveBeenCalledOnce())
    expect(await check.mock.results[0]?.value).toBeUndefined()
    const quiet = createFramingProbe()
    const quietCheck = vi.spyOn(quiet, 'check')
    handlerWith({ framingProbe: quiet })
    expect(quietCheck).not.toHaveBeenCalled()
    expect(upstream.requests).toHaveLength(1)
    expect(warn).not.toHaveBeenCalled()
  })

  it('without PAYFECT_PUBLIC_ORIGIN, checks once the first loopback request gives the origin, off its path', async () => {
    pagesAt('/deny/checkouts/3')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const handler = handlerWith({ framingProbe: createFramingProbe(), publicOrigin: undefined, env: { NODE_ENV: 'development' } })
    expect(upstream.requests).toHaveLength(0)
    const local = 'http://127.0.0.1:3000'
    const response = await handler(new Request(`${local}/api/payfect/checkouts?embeddable`))
    expect(await response.json()).toEqual({ embeddable: false, hostedOrigin: hosted.url })
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining(`Can ${local} show ${hosted.url}/deny/checkouts/3 in a frame?`)))
  })
})
