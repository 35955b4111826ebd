import { randomBytes } from 'node:crypto'
import type { Checkout, Payment } from '@payfect/server'
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
  /** Set when a payment did not settle the order (a short amount, a superseded or second checkout): someone must refund or follow up. */
  problem: string | null
  /** The browser session that placed it; only that session sees it in `/api/orders`. */
  owner: string
  /** The checkout that paid it. */
  paidBy?: string
}

/** A cart the browser sent: catalog keys and quantities only — never amounts. */
export interface CartItem {
  price: string
  quantity: number
}

export type PaymentOutcome = 'paid' | 'already-paid' | 'unknown-order' | 'mismatch' | 'refund-needed'

export interface OrderStore {
  create(items: readonly CartItem[], owner: string): Order
  get(id: string): Order | undefined
  /** The orders `owner` placed, newest first. */
  list(owner: string): Order[]
  attachCheckout(orderId: string, checkout: { id: string; expiresAt: Date | null }): void
  /** The order's newest checkout while the order is pending: what `findOpenCheckout` answers. */
  openCheckoutOf(orderId: string): string | null
  /** Payfect reported this checkout expired (seen on a status read): its order, if still waiting on it, expires. */
  checkoutExpired(checkoutId: string): void
  /**
   * Applies a payment (from the verified callback or a status read), idempotent on the checkout id.
   * A payment that cannot settle the order is recorded as a problem, never dropped.
   */
  applyPayment(payment: Payment): PaymentOutcome
  /**
   * Reads back from Payfect every pending order whose checkout should have run out (all of them
   * with `all`), and applies what Payfect says: paid, expired, or still open. Nothing expires by the clock alone.
   */
  reconcile(retrieve: (checkoutId: string) => Promise<Checkout>, options?: { owner?: string }): Promise<void>
  /** Resolves once the order is paid (or rejects after `timeoutMs`); for tests and scripts. */
  waitForPaid(id: string, timeoutMs?: number): Promise<Order>
}

export function createOrderStore(now: () => Date = () => new Date()): OrderStore {
  const orders = new Map<string, Order>()
  const waiters = new Map<string, Array<(order: Order) => void>>()

  const problem = (order: Order, text: string, outcome: PaymentOutcome): PaymentOutcome => {
    order.problem = text
    return outcome
  }

  const store: OrderStore = {
    create(items, owner) {
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
        owner,
      }
      orders.set(order.id, order)
      return structuredClone(order)
    },

    get(id) {
      const order = orders.get(id)
      return order && structuredClone(order)
    },

    list(owner) {
      return [...orders.values()].filter((o) => o.owner === owner).map((o) => structuredClone(o)).reverse()
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

    openCheckoutOf(orderId) {
      const order = orders.get(orderId)
      return order?.status === 'pending' ? (order.checkoutIds.at(-1) ?? null) : null
    },

    checkoutExpired(checkoutId) {
      for (const order of orders.values()) {
        if (order.status === 'pending' && order.checkoutIds.at(-1) === checkoutId) {
          order.status = 'expired'
          order.expiredAt = now().toISOString()
        }
      }
    },

    applyPayment(payment) {
      const order = payment.clientReferenceId ? orders.get(payment.clientReferenceId) : undefined
      if (!order) return 'unknown-order'
      const paid = `${payment.amount} ${payment.currency.toUpperCase()} through checkout ${payment.checkoutId}`
      if (order.status === 'paid') {
        if (order.paidBy === payment.checkoutId) return 'already-paid'
        return problem(order, `Refund ${paid}: the order was already paid.`, 'refund-needed')
      }
      if (!order.checkoutIds.includes(payment.checkoutId)) return problem(order, `Refund ${paid}: it is not a checkout of this order.`, 'refund-needed')
      if (order.checkoutIds.at(-1) !== payment.checkoutId) return problem(order, `Refund ${paid}: a newer checkout replaced it.`, 'refund-needed')
      // The amount is the checkout's own, read back from Payfect: it must pay for *this* order in full.
      if (payment.currency.toLowerCase() !== order.currency || !sameAmount(payment.amount, order.amountTotal)) {
        return problem(order, `Checkout ${payment.checkoutId} took ${payment.amount} ${payment.currency.toUpperCase()}, but the order totals ${order.amountTotal} USDT.`, 'mismatch')
      }
      order.status = 'paid'
      order.paidBy = payment.checkoutId
      order.paidAt = now().toISOString()
      order.expiredAt = null
      for (const resolve of waiters.get(order.id) ?? []) resolve(structuredClone(order))
      waiters.delete(order.id)
      return 'paid'
    },

    async reconcile(retrieve, options = {}) {
      const due = [...orders.values()].filter(
        (o) => o.status === 'pending' && o.checkoutExpiresAt !== null && Date.parse(o.checkoutExpiresAt) <= now().getTime() && (options.owner === undefined || o.owner === options.owner),
      )
      await Promise.all(
        due.map(async (order) => {
          const checkoutId = order.checkoutIds.at(-1)!
          const checkout = await retrieve(checkoutId).catch(() => undefined)
          if (checkout?.status === 'complete') {
            store.applyPayment({ checkoutId, clientReferenceId: checkout.clientReferenceId, amount: checkout.amountTotal, currency: checkout.currency, livemode: checkout.isLivemode, source: 'status' })
          } else if (checkout?.status === 'expired') store.checkoutExpired(checkoutId)
        }),
      )
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
  return store
}

function sameAmount(a: unknown, b: string): boolean {
  try {
    return typeof a === 'string' && compareDecimals(a, b) === 0
  } catch {
    return false
  }
}
