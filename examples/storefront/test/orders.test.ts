import type { WebhookEvent } from '@payfect/server'
import { describe, expect, it } from 'vitest'
import { createOrderStore } from '../server/orders'

const event = (over: Partial<WebhookEvent>): WebhookEvent => ({
  id: 'chk_1',
  amount: '29.00',
  status: 'succeeded',
  currency: 'usdt',
  merchant: 'm_1',
  is_livemode: false,
  payment_intent: 'pi_1',
  payment_method: { id: 'pm_1', payment_method_detail: { network: 'tron', currency: 'usdt' } },
  client_reference_id: null,
  ...over,
})

describe('order store', () => {
  it('marks an order paid once, for a callback of its full amount', () => {
    const orders = createOrderStore()
    const order = orders.create([{ price: 'orbit-mug', quantity: 2 }])
    expect(order.amountTotal).toBe('29.00')
    expect(orders.applyPayment(event({ client_reference_id: order.id, amount: '29' }))).toBe('paid')
    expect(orders.get(order.id)!.status).toBe('paid')
    expect(orders.applyPayment(event({ client_reference_id: order.id }))).toBe('already-paid')
  })

  it('never marks paid on a short amount, another currency or an unknown order', () => {
    const orders = createOrderStore()
    const order = orders.create([{ price: 'orbit-mug', quantity: 2 }])
    expect(orders.applyPayment(event({ client_reference_id: order.id, amount: '14.50' }))).toBe('mismatch')
    expect(orders.get(order.id)!.problem).toMatch(/14\.50 USDT.*29\.00 USDT/)
    expect(orders.applyPayment(event({ client_reference_id: order.id, currency: 'usdc' }))).toBe('mismatch')
    expect(orders.applyPayment(event({ client_reference_id: order.id, status: 'failed' }))).toBe('ignored')
    expect(orders.applyPayment(event({ client_reference_id: 'ord_nope' }))).toBe('unknown-order')
    const after = orders.get(order.id)!
    expect(after.status).toBe('pending')
    expect(after.paidAt).toBeNull()
  })

  it('reports an order expired once its checkout has run out, and payable again with a new one', () => {
    let now = new Date('2026-01-01T00:00:00Z')
    const orders = createOrderStore(() => now)
    const order = orders.create([{ price: 'pro-plan', quantity: 1 }])
    orders.attachCheckout(order.id, { id: 'chk_a', expiresAt: new Date('2026-01-01T00:30:00Z') })
    expect(orders.get(order.id)!.status).toBe('pending')
    now = new Date('2026-01-01T00:30:01Z')
    expect(orders.list()[0]).toMatchObject({ id: order.id, status: 'expired', expiredAt: '2026-01-01T00:30:00.000Z' })
    orders.attachCheckout(order.id, { id: 'chk_b', expiresAt: new Date('2026-01-01T01:00:00Z') })
    expect(orders.get(order.id)).toMatchObject({ status: 'pending', checkoutIds: ['chk_a', 'chk_b'] })
  })

  it('expires an order whose newest checkout Payfect reports expired, and only then', () => {
    const orders = createOrderStore()
    const order = orders.create([{ price: 'pro-plan', quantity: 1 }])
    orders.attachCheckout(order.id, { id: 'chk_old', expiresAt: null })
    orders.attachCheckout(order.id, { id: 'chk_new', expiresAt: null })
    orders.checkoutExpired('chk_old')
    expect(orders.get(order.id)!.status).toBe('pending')
    orders.checkoutExpired('chk_new')
    expect(orders.get(order.id)).toMatchObject({ status: 'expired', expiredAt: expect.any(String) })
  })
})
