import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type Catalog, type CheckoutHandlerOptions, createCheckoutHandler } from '../src/index'
import { checkoutFixture, type FakeUpstream, startFakeUpstream } from './fake-upstream'

// A shop pricing in New Taiwan dollars, as Payfect's docs and SDK do, beside its USDT goods.
const SHOP = 'https://shop.example'
const catalog = {
  room: { name: '金雨樹', unitAmount: '8800', currency: 'twd' },
  tea: { name: 'Oolong tea', unitAmount: '450.50', currency: 'TWD' },
  bun: { name: 'Pork bun', unitAmount: '88.00', currency: 'CNY' },
  plan: { name: 'Pro plan', unitAmount: '20.00', currency: 'usdt' },
} satisfies Catalog

let upstream: FakeUpstream
beforeAll(async () => {
  upstream = await startFakeUpstream()
})
afterAll(() => upstream.close())
beforeEach(() => {
  upstream.reset()
  upstream.on('POST', '/checkouts/', { json: checkoutFixture({ amountTotal: '9701.00', currency: 'twd' }) })
})

function handler(options: Partial<CheckoutHandlerOptions> = {}) {
  return createCheckoutHandler({ apiKey: 'sk_test_catalog_fiat_key', baseUrl: upstream.baseUrl, hostedOrigin: 'https://buy-dev.payfect.finance', publicOrigin: SHOP, env: { NODE_ENV: 'production' }, catalog, onError: () => {}, ...options })
}

const post = (items: unknown) =>
  new Request(`${SHOP}/api/payfect/checkouts`, { method: 'POST', headers: { 'content-type': 'application/json', origin: SHOP }, body: JSON.stringify({ items }) })

function catalogError(entry: unknown): string {
  try {
    createCheckoutHandler({ apiKey: 'sk_test_catalog_fiat_key', catalog: { plan: catalog.plan, fiat: entry } as never })
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('the catalog was accepted')
}

describe('a catalog priced in fiat', () => {
  it('sends TWD prices as written and names the checkout’s currency after them', async () => {
    const response = await handler()(post([{ price: 'room' }, { price: 'tea', quantity: 2 }]))
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ amountTotal: '9701.00', currency: 'twd' })
    expect(upstream.requests[0]?.json).toEqual({
      currency: 'twd',
      invoice_items: [
        { price_data: { currency: 'twd', unit_amount: '8800', product_data: { name: '金雨樹' } }, quantity: 1 },
        { price_data: { currency: 'TWD', unit_amount: '450.50', product_data: { name: 'Oolong tea' } }, quantity: 2 },
      ],
    })
  })

  it('still refuses a cart that mixes currencies, fiat and crypto or two fiats, before calling Payfect', async () => {
    for (const [items, named] of [
      [[{ price: 'room' }, { price: 'plan' }], 'twd, usdt'],
      [[{ price: 'tea' }, { price: 'bun' }], 'TWD, CNY'],
    ] as const) {
      const response = await handler()(post(items))
      expect(response.status).toBe(400)
      const { error } = (await response.json()) as { error: { code: string; message: string; fields: Record<string, string[]> } }
      expect(error).toMatchObject({ code: 'mixed_currencies', message: `The cart mixes currencies: ${named}. Check out each currency separately.` })
    }
    expect(upstream.requests).toHaveLength(0)
  })

  it('accepts fiat codes in either case, and crypto codes in lower case only', () => {
    expect(() => handler({ catalog: { a: { name: 'A', unitAmount: '1', currency: 'CNY' }, b: { name: 'B', unitAmount: '1', currency: 'cny' } } })).not.toThrow()
    expect(catalogError({ name: 'Tea', unitAmount: '1', currency: 'Twd' })).toMatch(/catalog\["fiat"\]\.currency must be a lower-case crypto code like "usdt", or a fiat ISO 4217 code like "TWD" or "twd" \(got "Twd"\)/)
    expect(catalogError({ name: 'Tea', unitAmount: '1', currency: 'USDT' })).toMatch(/catalog\["fiat"\]\.currency/)
  })

  it('refuses more decimals than the currency has minor units, naming the entry and the fix', () => {
    expect(catalogError({ name: 'Room', unitAmount: '8800.5', currency: 'jpy' })).toMatch(/catalog\["fiat"\]\.unitAmount "8800\.5" is fractional, but JPY has no minor units: write a whole amount like "8800"\./)
    expect(catalogError({ name: 'Room', unitAmount: '100.0', currency: 'KRW' })).toMatch(/"100\.0" is fractional, but KRW has no minor units/)
    expect(catalogError({ name: 'Tea', unitAmount: '450.505', currency: 'TWD' })).toMatch(/catalog\["fiat"\]\.unitAmount "450\.505" has 3 decimals, but TWD has 2 minor units: write at most 2, like "450\.00"\./)
    expect(catalogError({ name: 'Bun', unitAmount: '0.001', currency: 'cny' })).toMatch(/CNY has 2 minor units/)
    expect(() => handler({ catalog: { a: { name: 'A', unitAmount: '100', currency: 'JPY' }, b: { name: 'B', unitAmount: '0.000001', currency: 'usdt' } } })).not.toThrow()
  })
})
