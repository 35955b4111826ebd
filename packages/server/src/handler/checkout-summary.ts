import type { Checkout, CheckoutStatus, CurrencyCode, DecimalString } from '../types'
import { parsePayfectTime } from '../time'

/**
 * What the route handler tells the browser about a checkout (on create and on
 * each status poll): enough to open the hosted page and follow its status, and
 * nothing else of Payfect's answer.
 */
export interface CheckoutSummary {
  /** The Payfect checkout id; poll `GET <route>?id=<id>` with it. */
  id: string
  /** The hosted checkout page to send the shopper to (or show in the modal). */
  url: string
  status: CheckoutStatus
  /** The total as a decimal string, e.g. `"41.00"`. */
  amountTotal: DecimalString
  currency: CurrencyCode
  /**
   * When the checkout expires, as ISO-8601 (`"2023-12-30T12:26:06.000Z"`), whichever of
   * its formats Payfect sent; `null` when Payfect sent none that could be read.
   */
  expiresAt: string | null
  /**
   * Where the hosted page sends the shopper after paying, on the merchant's own
   * origin: the React kit watches its frame land there, which works with the live
   * page (it has no postMessage contract). `null` when Payfect's default applies.
   */
  successUrl: string | null
  /** Where the hosted page sends a shopper who gives up; `null` when unset. */
  cancelUrl: string | null
}

/** Picks the browser-safe summary out of a checkout. */
export function toCheckoutSummary(checkout: Checkout): CheckoutSummary {
  return {
    id: checkout.id,
    url: checkout.url,
    status: checkout.status,
    amountTotal: checkout.amountTotal,
    currency: checkout.currency,
    expiresAt: readTime(checkout.expiresAt),
    successUrl: checkout.successUrl ?? null,
    cancelUrl: checkout.cancelUrl ?? null,
  }
}

function readTime(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  try {
    return parsePayfectTime(value).toISOString()
  } catch {
    return null
  }
}
