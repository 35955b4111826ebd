import { randomUUID } from 'node:crypto'
import type { Payment } from '@payfect/server'

/** What the shop sells, keyed by the `price` the browser sends: amounts come from here, never from a request. */
export const catalog = {
  'pro-plan': { name: 'Pro plan', unitAmount: '20.00', currency: 'usdt' },
} as const

export type PriceKey = keyof typeof catalog

export interface Order {
  id: string
  price: PriceKey
  /** What the order costs, fixed when it is placed: a paid checkout must match it. */
  amount: string
  currency: string
  status: 'pending' | 'paid'
  /** The checkout that paid the order. */
  checkoutId: string | null
  /** Payments that could not fulfil the order (wrong amount, or a second one): refund or review them. */
  problems: string[]
}

// A stand-in for your database. On globalThis because Next.js may load this module once per route bundle.
const store = globalThis as typeof globalThis & { payfectExampleOrders?: Map<string, Order> }
const orders = (store.payfectExampleOrders ??= new Map<string, Order>())

export function placeOrder(price: PriceKey): Order {
  const { unitAmount, currency } = catalog[price]
  const order: Order = { id: randomUUID(), price, amount: unitAmount, currency, status: 'pending', checkoutId: null, problems: [] }
  orders.set(order.id, order)
  return order
}

export function getOrder(id: string): Order | undefined {
  return orders.get(id)
}

/**
 * Fulfils a paid checkout, from the verified webhook or a status read. Idempotent on the checkout
 * id: Payfect retries callbacks, and both paths may report one payment. A payment whose amount or
 * currency is not the order's, or a second payment of a paid order, is kept as a problem, never fulfilled.
 */
export function fulfil(payment: Payment): void {
  // `clientReferenceId` is null for a checkout created without an order id.
  const order = payment.clientReferenceId === null ? undefined : orders.get(payment.clientReferenceId)
  if (!order) {
    console.error(`[orders] checkout ${payment.checkoutId} paid an unknown order (${payment.clientReferenceId ?? 'none'}); refund or review it.`)
    return
  }
  if (order.checkoutId === payment.checkoutId) return
  // Payfect's amounts have two decimals, like the catalog's, so the strings compare as they are.
  const problem =
    order.status === 'paid'
      ? `checkout ${payment.checkoutId} paid an order already paid by ${order.checkoutId}`
      : payment.amount !== order.amount || payment.currency.toLowerCase() !== order.currency
        ? `checkout ${payment.checkoutId} paid ${payment.amount} ${payment.currency}, not ${order.amount} ${order.currency}`
        : undefined
  if (problem) {
    if (!order.problems.includes(problem)) order.problems.push(problem)
    console.error(`[orders] ${order.id}: ${problem}; refund or review it.`)
    return
  }
  // In a database, make this check-and-set one transaction: the webhook and a status read may race.
  order.status = 'paid'
  order.checkoutId = payment.checkoutId
}
