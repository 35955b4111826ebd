import { afterEach, describe, expect, test, vi } from 'vitest'
import type { Payment } from '@payfect/server'
import { fulfil, getOrder, placeOrder } from '../lib/orders'

const paymentFor = (orderId: string | null, overrides: Partial<Payment> = {}): Payment => ({
  checkoutId: 'cs_1',
  clientReferenceId: orderId,
  amount: '20.00',
  currency: 'usdt',
  livemode: false,
  source: 'webhook',
  ...overrides,
})

describe('lib/orders fulfil', () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
  afterEach(() => logged.mockClear())

  test('marks the order paid once: the same checkout again (a retried callback, then a status read) changes nothing', () => {
    const order = placeOrder('pro-plan')
    fulfil(paymentFor(order.id))
    fulfil(paymentFor(order.id))
    fulfil(paymentFor(order.id, { source: 'status' }))
    expect(getOrder(order.id)).toMatchObject({ status: 'paid', checkoutId: 'cs_1', problems: [] })
    expect(logged).not.toHaveBeenCalled()
  })

  test("refuses an amount or currency that is not the order's, and a second checkout on a paid order", () => {
    const order = placeOrder('pro-plan')
    fulfil(paymentFor(order.id, { checkoutId: 'cs_cheap', amount: '0.01' }))
    fulfil(paymentFor(order.id, { checkoutId: 'cs_twd', currency: 'twd' }))
    expect(getOrder(order.id)).toMatchObject({ status: 'pending', checkoutId: null })
    fulfil(paymentFor(order.id, { checkoutId: 'cs_2' }))
    fulfil(paymentFor(order.id, { checkoutId: 'cs_3' }))
    expect(getOrder(order.id)).toMatchObject({
      status: 'paid',
      checkoutId: 'cs_2',
      problems: [
        'checkout cs_cheap paid 0.01 usdt, not 20.00 usdt',
        'checkout cs_twd paid 20.00 twd, not 20.00 usdt',
        'checkout cs_3 paid an order already paid by cs_2',
      ],
    })
    expect(logged).toHaveBeenCalledTimes(3)
  })

  test('a payment with no order id, or an unknown one, is logged for review and fulfils nothing', () => {
    fulfil(paymentFor(null))
    fulfil(paymentFor('no-such-order'))
    expect(logged.mock.calls.map(([line]) => line)).toEqual([
      '[orders] checkout cs_1 paid an unknown order (none); refund or review it.',
      '[orders] checkout cs_1 paid an unknown order (no-such-order); refund or review it.',
    ])
  })
})
