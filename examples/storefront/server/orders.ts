import { randomBytes } from 'node:crypto'
import type { WebhookEvent } from '@payfect/server'
import { addDecimals, compareDecimals, formatDecimal, multiplyDecimal } from './decimal'
import { findProduct } from '../catalog'

/**
 * The shop's orders, in memory. An order is created from the cart before the
 * shopper pays; its id is the checkout's `client_reference_id`, so the verified
 * callback can find it and mark it paid. A real shop keeps these in a database.
 */

export type OrderStatus = 'pending' | 'paid' | 'expired'

export interface OrderLine {
  price: string
  name: string
  quantity: number
  unitAmount: string
  amount: string
}

export interface Order {
  id: string
  status: OrderStatus
  items: OrderLine[]
  /** Computed here from the catalog, exactly: the amount the callback must report. */
  amountTotal: string
  currency: 'usdt'
  createdAt: string
  paidAt: string | null
  expiredAt: string | null
  /** Checkouts started for this order (a shopper may close the modal and start again). */
  checkoutIds: string[]
  /** When the newest checkout stops accepting payment (ISO-8601). */
  checkoutExpiresAt: string | null
  /** Set when a verified callback did not match the order (never marks it paid). */
  problem: string | null
}

/** A cart the browser sent: catalog keys and quantities only — never amounts. */
export interface CartItem {
  price: string
  quantity: number
}

export interface OrderStore {
  create(items: readonly CartItem[]): Order
  get(id: string): Order | undefined
  /** Newest first; pending orders whose checkout has run out are reported expired. */
  list(): Order[]
  attachCheckout(orderId: string, checkout: { id: string; expiresAt: Date | null }): void
  /** Payfect reported this checkout expired (seen on a status poll): its order, if still waiting on it, expires. */
  checkoutExpired(checkoutId: string): void
  /** Applies a verified callback; returns what happened, for the log. */
  applyPayment(event: WebhookEvent): 'paid' | 'already-paid' | 'unknown-order' | 'mismatch' | 'ignored'
  /** Resolves once the order is paid (or rejects after `timeoutMs`); for tests and scripts. */
  waitForPaid(id: string, timeoutMs?: number): Promise<Order>
}

export function createOrderStore(now: () => Date = () => new Date()): OrderStore {
  const orders = new Map<string, Order>()
  const waiters = new Map<string, Array<(order: Order) => void>>()

  function refresh(order: Order): Order {
    if (order.status === 'pending' && order.checkoutExpiresAt && Date.parse(order.checkoutExpiresAt) <= now().getTime()) {
      order.status = 'expired'
      order.expiredAt = order.checkoutExpiresAt
    }
    return order
  }

  return {
    create(items) {
      const lines = items.map(({ price, quantity }) => {
        const product = findProduct(price)
        if (!product) throw new Error(`unknown catalog key ${price}`)
        const amount = formatDecimal(multiplyDecimal(product.unitAmount, quantity))
        return { price, name: product.name, quantity, unitAmount: product.unitAmount, amount }
      })
      const order: Order = {
        id: `ord_${randomBytes(6).toString('hex')}`,
        status: 'pending',
        items: lines,
        amountTotal: formatDecimal(addDecimals(lines.map((l) => l.amount))),
        currency: 'usdt',
        createdAt: now().toISOString(),
        paidAt: null,
        expiredAt: null,
        checkoutIds: [],
        checkoutExpiresAt: null,
        problem: null,
      }
      orders.set(order.id, order)
      return structuredClone(order)
    },

    get(id) {
      const order = orders.get(id)
      return order && structuredClone(refresh(order))
    },

    list() {
      return [...orders.values()].map((o) => structuredClone(refresh(o))).reverse()
    },

    attachCheckout(orderId, checkout) {
      const order = orders.get(orderId)
      if (!order || order.checkoutIds.includes(checkout.id)) return
      order.checkoutIds.push(checkout.id)
      order.checkoutExpiresAt = checkout.expiresAt?.toISOString() ?? null
      // A new checkout for an order whose previous one ran out makes it payable again.
      if (order.status === 'expired') {
        order.status = 'pending'
        order.expiredAt = null
      }
    },

    checkoutExpired(checkoutId) {
      for (const order of orders.values()) {
        if (order.status === 'pending' && order.checkoutIds.at(-1) === checkoutId) {
          order.status = 'expired'
          order.expiredAt = now().toISOString()
        }
      }
    },

    applyPayment(event) {
      if (event.status !== 'succeeded') return 'ignored'
      const order = event.client_reference_id ? orders.get(event.client_reference_id) : undefined
      if (!order) return 'unknown-order'
      if (order.status === 'paid') return 'already-paid'
      // The callback is authentic, but check it pays for *this* order in full before shipping.
      if (event.currency?.toLowerCase() !== order.currency || !sameAmount(event.amount, order.amountTotal)) {
        order.problem = `Callback for checkout ${event.id} reported ${event.amount} ${String(event.currency).toUpperCase()}, but the order totals ${order.amountTotal} USDT.`
        return 'mismatch'
      }
      order.status = 'paid'
      order.paidAt = now().toISOString()
      order.expiredAt = null
      order.problem = null
      for (const resolve of waiters.get(order.id) ?? []) resolve(structuredClone(order))
      waiters.delete(order.id)
      return 'paid'
    },

    waitForPaid(id, timeoutMs = 10_000) {
      const order = orders.get(id)
      if (order?.status === 'paid') return Promise.resolve(structuredClone(order))
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Order ${id} was not paid within ${timeoutMs} ms.`)), timeoutMs)
        const list = waiters.get(id) ?? []
        list.push((paid) => {
          clearTimeout(timer)
          resolve(paid)
        })
        waiters.set(id, list)
      })
    },
  }
}

function sameAmount(a: unknown, b: string): boolean {
  try {
    return typeof a === 'string' && compareDecimals(a, b) === 0
  } catch {
    return false
  }
}
