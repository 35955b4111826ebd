import type { Payment } from '@payfect/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStorefront, type Storefront } from '../server'
import { createOrderStore } from '../server/orders'
import { CartError, parseCart } from '../server/parse-cart'

const OWNER = 'b'.repeat(32)

describe('orders priced in New Taiwan dollars', () => {
  it('total in TWD and are paid only by a checkout of that total in TWD, however it is spelled', () => {
    const orders = createOrderStore()
    const order = orders.create([{ price: 'alishan-oolong', quantity: 2 }, { price: 'night-market-tote', quantity: 1 }], OWNER)
    expect(order).toMatchObject({ currency: 'TWD', amountTotal: '2210.00' })
    orders.attachCheckout(order.id, { id: 'chk_twd', expiresAt: null })
    const paid = (over: Partial<Payment>): Payment => ({ checkoutId: 'chk_twd', clientReferenceId: order.id, amount: '2210.00', currency: 'TWD', livemode: false, source: 'webhook', ...over })
    // What the USDT paid would be: never enough to settle a TWD order.
    expect(orders.applyPayment(paid({ amount: '68.01', currency: 'usdt' }))).toBe('mismatch')
    expect(orders.get(order.id)!.problem).toBe('Checkout chk_twd took 68.01 USDT, but the order totals 2210.00 TWD.')
    expect(orders.applyPayment(paid({ currency: 'twd', amount: '2210' }))).toBe('paid')
    expect(orders.applyPayment(paid({}))).toBe('already-paid')
  })

  it('refuses a cart that mixes TWD and USDT products, saying why', () => {
    expect(() => parseCart({ items: [{ price: 'alishan-oolong' }, { price: 'orbit-mug' }] })).toThrow(CartError)
    expect(() => parseCart({ items: [{ price: 'alishan-oolong' }, { price: 'orbit-mug' }] })).toThrow('The cart was refused: The cart mixes TWD and USDT prices; place one order per currency.')
    expect(parseCart({ items: [{ price: 'alishan-oolong' }, { price: 'night-market-tote', quantity: 2 }] })).toEqual([
      { price: 'alishan-oolong', quantity: 1 },
      { price: 'night-market-tote', quantity: 2 },
    ])
  })
})

describe('the shop, buying a TWD product against its sandbox', () => {
  let shop: Storefront
  beforeAll(async () => {
    shop = await startStorefront({ port: 0, sandbox: { port: 0, callbackRetryDelaysMs: [] }, env: {}, log: false })
  }, 60_000)
  afterAll(() => shop?.close())

  const post = (path: string, body: unknown, cookie = '') =>
    fetch(`${shop.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: shop.url, cookie }, body: JSON.stringify(body) })

  for (const reading of ['fiat', 'usdt'] as const) {
    it(`marks the order paid from the verified callback when it reports the ${reading === 'fiat' ? 'fiat amount' : 'USDT paid'}`, async () => {
      const sandbox = shop.sandbox!
      expect((await fetch(`${sandbox.url}/_sandbox/settings?callbackAmount=${reading}`, { method: 'POST' })).status).toBe(200)
      const items = [{ price: 'alishan-oolong', quantity: 1 }]
      const placed = await post('/api/orders', { items })
      const cookie = placed.headers.get('set-cookie')!.split(';')[0]!
      const { order } = (await placed.json()) as { order: { id: string; currency: string; amountTotal: string } }
      expect(order).toMatchObject({ currency: 'TWD', amountTotal: '880.00' })
      const created = await post('/api/payfect/checkouts', { items, clientReferenceId: order.id }, cookie)
      const summary = (await created.json()) as { id: string; currency: string; amountTotal: string }
      expect([created.status, summary.currency, summary.amountTotal]).toEqual([200, 'TWD', '880.00'])

      await fetch(`${sandbox.url}/_sandbox/checkouts/${summary.id}/pay`, { method: 'POST' })
      await sandbox.callbacksSettled()
      const [delivery] = sandbox.state().checkouts.find((c) => c.checkout.id === summary.id)!.deliveries
      expect([delivery!.status, JSON.parse(delivery!.body).amount, JSON.parse(delivery!.body).currency]).toEqual(reading === 'fiat' ? [200, '880.00', 'TWD'] : [200, '27.08', 'usdt'])
      expect(shop.orders.get(order.id)).toMatchObject({ status: 'paid', paidBy: summary.id, problem: null })
    })
  }
})
