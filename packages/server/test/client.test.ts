import { readdirSync, readFileSync } from 'node:fs'
import { inspect } from 'node:util'
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { Payfect } from '../src/client'
import { PayfectConfigurationError, PayfectInvalidRequestError } from '../src/errors'
import type { Checkout, CheckoutCreateParams } from '../src/types'
import { VERSION } from '../src/version'
import { checkoutFixture, startFakeUpstream, type FakeUpstream } from './fake-upstream'

const API_KEY = 'sk_test_c1ient_Secret_9f8e7d'

let upstream: FakeUpstream
beforeAll(async () => {
  upstream = await startFakeUpstream()
})
afterEach(() => upstream.reset())
afterAll(() => upstream.close())

const client = () => new Payfect({ apiKey: API_KEY, baseUrl: upstream.baseUrl, retryBaseDelayMs: 1 })

const checkoutParams = {
  currency: 'usdt',
  invoice_items: [{ price_data: { currency: 'usdt', unit_amount: '20.5', product_data: { name: 'Standard Plan', description: 'Monthly' } }, quantity: 2 }],
  client_reference_id: 'order-42',
  success_url: 'https://shop.example/success',
  cancel_url: 'https://shop.example/cancel',
  callback_url: 'https://shop.example/api/payfect/webhook',
  payment_method_data: { type: 'cryptopaymentmethoddetail', paymentMethodDetail: { currency: 'usdt', network: 'tron' } },
}

describe('requests as Payfect expects them', () => {
  it('creates a checkout: POST /checkouts/ with auth, JSON, the client header and the body as given', async () => {
    const fixture = checkoutFixture({ clientReferenceId: 'order-42' })
    upstream.on('POST', '/checkouts/', { status: 201, json: fixture })
    const checkout = await client().checkouts.create(checkoutParams)
    expect(checkout).toEqual(fixture)

    const [request] = upstream.requests
    expect(upstream.requests).toHaveLength(1)
    expect(request?.method).toBe('POST')
    expect(request?.url).toBe('/api/v1/checkouts/')
    expect(request?.headers.authorization).toBe(`Api-Key ${API_KEY}`)
    expect(request?.headers['content-type']).toBe('application/json')
    expect(request?.headers.accept).toBe('application/json')
    expect(request?.headers['user-agent']).toBe(`payfect-server/${VERSION}`)
    expect(request?.headers['x-payfect-client-user-agent']).toBe(`payfect-server/${VERSION}`)
    expect(request?.json).toEqual(checkoutParams)
    // Money stays a string on the wire.
    expect(request?.body).toContain('"unit_amount":"20.5"')
  })

  it('retrieves a checkout: GET /checkouts/{id}/ with no body and no content type', async () => {
    const id = 'ed8d24aa-a860-426b-8e56-87cb9f55a081'
    upstream.on('GET', `/checkouts/${id}/`, { json: checkoutFixture({ status: 'complete' }) })
    const checkout = await client().checkouts.retrieve(id)
    expect(checkout.status).toBe('complete')
    expect(upstream.requests[0]).toMatchObject({ method: 'GET', url: `/api/v1/checkouts/${id}/`, body: '' })
    expect(upstream.requests[0]?.headers.authorization).toBe(`Api-Key ${API_KEY}`)
    expect(upstream.requests[0]?.headers['content-type']).toBeUndefined()
  })

  it('creates products, prices and payment links at their slash-terminated paths', async () => {
    upstream.on('POST', '/products/', { json: { id: 'prod_1', name: 'Plan', description: null, images: [] } })
    upstream.on('POST', '/prices/', { json: { id: 'price_1', product: 'prod_1', currency: 'usdt', unitAmount: '20.00' } })
    upstream.on('POST', '/payment-links/', { json: { id: 'pl_1', url: 'https://buy.payfect.finance/pl_1', invoiceItems: [] } })
    const payfect = client()
    const product = await payfect.products.create({ name: 'Plan' })
    const price = await payfect.prices.create({ product: product.id, currency: 'usdt', unit_amount: '20.00' })
    const link = await payfect.paymentLinks.create({ invoice_items: [{ price: price.id, quantity: 1 }], email_collection: true, shipping_address_collection: ['TW'] })
    expect([product.description, price.unitAmount, link.url]).toEqual([null, '20.00', 'https://buy.payfect.finance/pl_1'])
    expect(upstream.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/v1/products/', 'POST /api/v1/prices/', 'POST /api/v1/payment-links/'])
    expect(upstream.requests.map((r) => r.json)).toEqual([
      { name: 'Plan' },
      { product: 'prod_1', currency: 'usdt', unit_amount: '20.00' },
      { invoice_items: [{ price: 'price_1', quantity: 1 }], email_collection: true, shipping_address_collection: ['TW'] },
    ])
    for (const request of upstream.requests) expect(request.headers.authorization).toBe(`Api-Key ${API_KEY}`)
  })

  it('joins a base URL given with a trailing slash without doubling it', async () => {
    upstream.on('GET', '/checkouts/abc/', { json: checkoutFixture({ id: 'abc' }) })
    await new Payfect({ apiKey: API_KEY, baseUrl: `${upstream.baseUrl}//` }).checkouts.retrieve('abc')
    expect(upstream.requests[0]?.url).toBe('/api/v1/checkouts/abc/')
  })

  it('defaults to the live API base URL', () => {
    expect(new Payfect({ apiKey: API_KEY }).baseUrl).toBe('https://api.payfect.finance/api/v1')
  })

  it('uses an injected fetch', async () => {
    const seen: string[] = []
    upstream.on('GET', '/checkouts/abc/', { json: checkoutFixture({ id: 'abc' }) })
    const payfect = new Payfect({
      apiKey: API_KEY,
      baseUrl: upstream.baseUrl,
      fetch: (input, init) => (seen.push(`${init?.method} ${String(input)}`), fetch(input, init)),
    })
    await payfect.checkouts.retrieve('abc')
    expect(seen).toEqual([`GET ${upstream.baseUrl}/checkouts/abc/`])
  })
})

describe('validation before sending', () => {
  it('rejects bad params with field paths and makes no request', async () => {
    const params = { ...checkoutParams, invoice_items: [{ price: 'p1', quantity: 0 }] }
    const error = await client().checkouts.create(params).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PayfectInvalidRequestError)
    expect((error as PayfectInvalidRequestError).message).toContain('invoice_items[0].quantity: must be a positive integer')
    expect((error as PayfectInvalidRequestError).fields).toEqual({ 'invoice_items[0].quantity': ['must be a positive integer (got 0)'] })
    await expect(client().prices.create({ product: 'p', currency: 'usdt', unit_amount: 1 as unknown as string })).rejects.toThrow(/unit_amount: must be a non-negative decimal string/)
    await expect(client().products.create({} as never)).rejects.toThrow(/name: is required/)
    await expect(client().paymentLinks.create({ invoice_items: [] })).rejects.toThrow(/invoice_items: must have at least one item/)
    expect(upstream.requests).toHaveLength(0)
  })

  it.each(['../../products', 'a/b', 'abc?x=1', '%2F', '', ' abc'])('never splices the id %j into the path', async (id) => {
    await expect(client().checkouts.retrieve(id)).rejects.toThrow(PayfectInvalidRequestError)
    expect(upstream.requests).toHaveLength(0)
  })
})

describe('construction', () => {
  it.each([undefined, '', '   ', null, 42])('refuses apiKey %j with a PayfectConfigurationError', (apiKey) => {
    expect(() => new Payfect({ apiKey: apiKey as string })).toThrow(PayfectConfigurationError)
    expect(() => new Payfect({ apiKey: apiKey as string })).toThrow(/`apiKey` .*Pass your secret API key/)
  })

  it('explains a key with a stray newline or the header prefix, without echoing it', () => {
    const key = 'sk_live_do_not_print_me'
    for (const [bad, why] of [[`${key}\n`, /line breaks/], [`Api-Key ${key}`, /starts with "Api-Key "/]] as const) {
      let error: unknown
      let payfect: Payfect | undefined
      try {
        payfect = new Payfect({ apiKey: bad })
      } catch (e) {
        error = e
      }
      expect(payfect).toBeUndefined()
      expect(error).toBeInstanceOf(PayfectConfigurationError)
      expect((error as Error).message).toMatch(why)
      expect(`${(error as Error).message}${JSON.stringify(error)}${inspect(error)}`).not.toContain(key)
    }
  })

  it('refuses a missing options object, bad base URLs and bad numbers', () => {
    expect(() => new Payfect(undefined as never)).toThrow(PayfectConfigurationError)
    expect(() => new Payfect({ apiKey: API_KEY, baseUrl: 'api.payfect.finance' })).toThrow(/`baseUrl` is not an absolute URL/)
    expect(() => new Payfect({ apiKey: API_KEY, baseUrl: 'ftp://x.example' })).toThrow(/`baseUrl` must use https/)
    expect(() => new Payfect({ apiKey: API_KEY, baseUrl: 'https://u:p@x.example' })).toThrow(/username or password/)
    expect(() => new Payfect({ apiKey: API_KEY, timeoutMs: 0 })).toThrow(/`timeoutMs` must be a number of milliseconds above 0/)
    expect(() => new Payfect({ apiKey: API_KEY, timeoutMs: Number.POSITIVE_INFINITY })).toThrow(PayfectConfigurationError)
    expect(() => new Payfect({ apiKey: API_KEY, maxRetries: -1 })).toThrow(/`maxRetries` must be a whole number/)
    expect(() => new Payfect({ apiKey: API_KEY, maxRetries: 1.5 })).toThrow(PayfectConfigurationError)
    expect(() => new Payfect({ apiKey: API_KEY, fetch: 'nope' as never })).toThrow(/`fetch` must be a function/)
  })

  it('never shows the API key through console.log, JSON, string conversion or property listing', () => {
    const payfect = client()
    const views = [
      inspect(payfect, { showHidden: true, depth: Number.POSITIVE_INFINITY, getters: true }),
      JSON.stringify(payfect),
      String(payfect),
      Object.getOwnPropertyNames(payfect).join(','),
      JSON.stringify(Object.getOwnPropertyDescriptors(payfect)),
      inspect(payfect.checkouts, { showHidden: true, depth: Number.POSITIVE_INFINITY }),
    ]
    for (const view of views) expect(view).not.toContain(API_KEY)
    expect(inspect(payfect)).toContain('Payfect')
  })
})

it('types params in snake_case and responses as returned (checked by tsc)', () => {
  const item = { price_data: { currency: 'usdt', unit_amount: '1.00', product_data: { name: 'A' } }, quantity: 1 }
  expectTypeOf<Parameters<Payfect['checkouts']['create']>[0]>().toEqualTypeOf<CheckoutCreateParams>()
  expectTypeOf<ReturnType<Payfect['checkouts']['retrieve']>>().toEqualTypeOf<Promise<Checkout>>()
  expectTypeOf<Checkout['expiresAt']>().toEqualTypeOf<string>()
  expectTypeOf<Checkout['invoiceItems'][number]['priceData']['productData']['description']>().toEqualTypeOf<string | null>()
  // @ts-expect-error -- amounts are decimal strings, never numbers
  expectTypeOf({ currency: 'usdt', invoice_items: [{ ...item, price_data: { ...item.price_data, unit_amount: 1 } }] }).toExtend<CheckoutCreateParams>()
  // @ts-expect-error -- an item has price or price_data, not both
  expectTypeOf({ currency: 'usdt', invoice_items: [{ ...item, price: 'p' }] }).toExtend<CheckoutCreateParams>()
  expectTypeOf({ currency: 'usdt', invoice_items: [item] }).toExtend<CheckoutCreateParams>()
  // @ts-expect-error -- request params are snake_case
  expectTypeOf({ currency: 'usdt', invoiceItems: [item] }).toExtend<CheckoutCreateParams>()
})

it('uses web standards only, so it runs on edge runtimes: no node: imports in the client', () => {
  for (const file of ['client/payfect.ts', 'client/http.ts', 'client/validate.ts', 'api/call.ts', 'api/checkouts.ts', 'api/base-url.ts', 'time.ts', 'version.ts', 'errors.ts', 'decimal-string.ts']) {
    const source = readFileSync(new URL(`../src/${file}`, import.meta.url), 'utf8')
    expect({ file, nodeApi: /from ['"]node:|import\(['"]node:|require\(|\bBuffer\./.exec(source)?.[0] }).toEqual({ file, nodeApi: undefined })
  }
})

it('is exported from the package surface', async () => {
  const surface = await import('../src/index')
  expect(surface.Payfect).toBe(Payfect)
  expect(surface.VERSION).toBe(VERSION)
  for (const name of ['parsePayfectTime', 'validateCheckoutCreateParams', 'validateId'] as const) expect(typeof surface[name]).toBe('function')
})

it('VERSION matches package.json', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  expect(VERSION).toBe(pkg.version)
})

it('keeps node.ts the only module that imports Node or the adapter', () => {
  const src = new URL('../src/', import.meta.url)
  const files = (readdirSync(src, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts') && file !== 'node.ts')
  expect(files.length).toBeGreaterThan(30)
  for (const file of files) {
    const source = readFileSync(new URL(file, src), 'utf8')
    expect({ file, imports: /from ['"](node:[^'"]+|\.{1,2}\/(\.\.\/)*node)['"]/.exec(source)?.[1] }).toEqual({ file, imports: undefined })
  }
})
