import type { Checkout, Payment } from '@payfect/server'
import { describe, expect, it } from 'vitest'
import { createOrderStore } from '../server/orders'

const OWNER = 'a'.repeat(32)

const payment = (over: Partial<Payment>): Payment => ({
  checkoutId: 'chk_1',
  clientReferenceId: null,
  amount: '29.00',
  currency: 'usdt',
  livemode: false,
  source: 'webhook',
  ...over,
})

/** A pending order of two mugs (29.00 USDT) with its checkout `chk_1`. */
function mugOrder(now?: () => Date) {
  const orders = createOrderStore(now)
  const order = orders.create([{ price: 'orbit-mug', quantity: 2 }], OWNER)
  orders.attachCheckout(order.id, { id: 'chk_1', expiresAt: new Date('2026-01-01T00:30:00Z') })
  return { orders, order }
}

describe('order store', () => {
  it('marks an order paid once, for a payment of its full amount; a duplicate is harmless', () => {
    const { orders, order } = mugOrder()
    expect(order.amountTotal).toBe('29.00')
    expect(orders.applyPayment(payment({ clientReferenceId: order.id, amount: '29' }))).toBe('paid')
    expect(orders.get(order.id)!.status).toBe('paid')
    expect(orders.applyPayment(payment({ clientReferenceId: order.id, source: 'status' }))).toBe('already-paid')
    expect(orders.get(order.id)!.problem).toBeNull()
  })

  it('never marks paid on a short amount, another currency or an unknown order', () => {
    const { orders, order } = mugOrder()
    expect(orders.applyPayment(payment({ clientReferenceId: order.id, amount: '14.50' }))).toBe('mismatch')
    expect(orders.get(order.id)!.problem).toMatch(/14\.50 USDT.*29\.00 USDT/)
    expect(orders.applyPayment(payment({ clientReferenceId: order.id, currency: 'usdc' }))).toBe('mismatch')
    expect(orders.applyPayment(payment({ clientReferenceId: 'ord_nope' }))).toBe('unknown-order')
    const after = orders.get(order.id)!
    expect(after.status).toBe('pending')
    expect(after.paidAt).toBeNull()
  })

  it('records a payment on a superseded or second checkout as a refund problem, never a silent success', () => {
    const { orders, order } = mugOrder()
    orders.attachCheckout(order.id, { id: 'chk_2', expiresAt: null })
    expect(orders.applyPayment(payment({ clientReferenceId: order.id, checkoutId: 'chk_1' }))).toBe('refund-needed')
    expect(orders.get(order.id)).toMatchObject({ status: 'pending', problem: expect.stringMatching(/Refund 29\.00 USDT through checkout chk_1: a newer checkout replaced it/) })
    expect(orders.applyPayment(payment({ clientReferenceId: order.id, checkoutId: 'chk_2' }))).toBe('paid')
    expect(orders.applyPayment(payment({ clientReferenceId: order.id, checkoutId: 'chk_3' }))).toBe('refund-needed')
    expect(orders.get(order.id)!.problem).toMatch(/chk_3: the order was already paid/)
  })

  it('reuses the newest checkout of a pending order only', () => {
    const { orders, order } = mugOrder()
    expect(orders.openCheckoutOf(order.id)).toBe('chk_1')
    orders.checkoutExpired('chk_1')
    expect(orders.openCheckoutOf(order.id)).toBeNull()
    expect(orders.openCheckoutOf('ord_nope')).toBeNull()
  })

  it('lists only the owner’s orders', () => {
    const { orders, order } = mugOrder()
    orders.create([{ price: 'pro-plan', quantity: 1 }], 'b'.repeat(32))
    expect(orders.list(OWNER).map((o) => o.id)).toEqual([order.id])
    expect(orders.list('c'.repeat(32))).toEqual([])
  })

  it('reads a due order back from Payfect before expiring it: paid, expired or still open', async () => {
    let now = new Date('2026-01-01T00:00:00Z')
    const { orders, order } = mugOrder(() => now)
    const answers: Record<string, Partial<Checkout>> = {}
    const retrieve = async (id: string) => ({ id, clientReferenceId: order.id, amountTotal: '29.00', currency: 'usdt', isLivemode: false, ...answers[id] }) as Checkout
    await orders.reconcile(retrieve)
    expect(orders.get(order.id)!.status).toBe('pending') // not yet due: nothing read

    now = new Date('2026-01-01T00:30:01Z')
    answers.chk_1 = { status: 'open' }
    await orders.reconcile(retrieve)
    expect(orders.get(order.id)!.status).toBe('pending') // the clock alone expires nothing

    answers.chk_1 = { status: 'complete' }
    await orders.reconcile(retrieve, { owner: OWNER })
    expect(orders.get(order.id)).toMatchObject({ status: 'paid', problem: null })

    const other = orders.create([{ price: 'pro-plan', quantity: 1 }], OWNER)
    orders.attachCheckout(other.id, { id: 'chk_x', expiresAt: new Date('2026-01-01T00:10:00Z') })
    answers.chk_x = { status: 'expired' }
    await orders.reconcile(retrieve)
    expect(orders.get(other.id)).toMatchObject({ status: 'expired', expiredAt: expect.any(String) })
    orders.attachCheckout(other.id, { id: 'chk_y', expiresAt: new Date('2026-01-01T01:00:00Z') })
    expect(orders.get(other.id)).toMatchObject({ status: 'pending', checkoutIds: ['chk_x', 'chk_y'] })
  })

  it('expires an order whose newest checkout Payfect reports expired, and only then', () => {
    const orders = createOrderStore()
    const order = orders.create([{ price: 'pro-plan', quantity: 1 }], OWNER)
    orders.attachCheckout(order.id, { id: 'chk_old', expiresAt: null })
    orders.attachCheckout(order.id, { id: 'chk_new', expiresAt: null })
    orders.checkoutExpired('chk_old')
    expect(orders.get(order.id)!.status).toBe('pending')
    orders.checkoutExpired('chk_new')
    expect(orders.get(order.id)).toMatchObject({ status: 'expired', expiredAt: expect.any(String) })
  })
})
