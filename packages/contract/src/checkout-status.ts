/** Every status the merchant's route reports, in Payfect's own words. */
export const checkoutStatuses = ['open', 'complete', 'expired'] as const

/** A checkout's lifecycle: `open` until paid (`complete`) or timed out (`expired`); both are final. */
export type CheckoutStatus = (typeof checkoutStatuses)[number]

/** `true` for a status the route may send. */
export function isCheckoutStatus(value: unknown): value is CheckoutStatus {
  return typeof value === 'string' && (checkoutStatuses as readonly string[]).includes(value)
}

/** `true` for a status no checkout ever leaves. */
export function isTerminalStatus(status: CheckoutStatus): boolean {
  return status === 'complete' || status === 'expired'
}

/**
 * What the shopper did on the hosted page that Payfect has no status for: stepped away.
 * The checkout stays `open` and payable; this word is the one spelling everywhere.
 */
export const cancelled = 'cancelled'
