/** A checkout's lifecycle as Payfect reports it. `complete` and `expired` are final. */
export type CheckoutStatus = 'open' | 'complete' | 'expired'

/** One line of the cart: a price id from the merchant's catalog and how many. */
export interface CheckoutItem {
  /** The price id the merchant's route handler knows (for example `'pro-plan'`). */
  price: string
  /**
   * A positive integer.
   * @defaultValue 1
   */
  quantity?: number
}

/** What the browser sends to the merchant's route handler. */
export interface CreateCheckoutParams {
  /** At least one item; the handler looks each price up in its catalog. */
  items: CheckoutItem[]
  /** The merchant's order id, echoed back by Payfect and in its callback. */
  clientReferenceId?: string
}

/** A checkout as the merchant's route handler returns it: only what a browser needs. */
export interface Checkout {
  /** Payfect's checkout id, for example `cs_…`; `GET {endpoint}?id=` reads it. */
  id: string
  /** The hosted checkout page. */
  url: string
  /** `open` until paid (`complete`) or timed out (`expired`). */
  status: CheckoutStatus
  /** A decimal string, for example `"20.50"`. Never a float. */
  amountTotal: string
  /** A crypto currency code in lower case, for example `"usdt"`. */
  currency: string
  /** Unix milliseconds as a string, or an ISO-8601 timestamp. */
  expiresAt: string
  /** Where the hosted page sends the shopper after paying; on the merchant's origin, it tells the modal the outcome. */
  successUrl?: string | null
  /** Where the hosted page sends the shopper after cancelling. */
  cancelUrl?: string | null
}

/** `true` for a status no checkout ever leaves. */
export function isTerminalStatus(status: CheckoutStatus): boolean {
  return status === 'complete' || status === 'expired'
}

/**
 * `expiresAt` in Unix milliseconds, or `undefined` when it cannot be read.
 * Payfect has sent both a string of Unix milliseconds and an ISO-8601 timestamp.
 */
export function parseExpiresAt(expiresAt: string | null | undefined): number | undefined {
  if (!expiresAt) return undefined
  const time = /^\d+(\.\d+)?$/.test(expiresAt) ? Number(expiresAt) : Date.parse(expiresAt)
  return Number.isFinite(time) ? time : undefined
}
