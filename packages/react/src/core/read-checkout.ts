import { payfectHostedOrigins, readCheckoutSummary, toHostedOrigin, trustedCheckoutUrl } from '@payfect/contract'
import type { Checkout } from './types'
import { warn } from './warn'

/** Where the kit may show a checkout: the pinned `checkoutOrigin`, else the origin the route announced. */
export function allowedOrigins(checkout: Pick<Checkout, 'hostedOrigin'>, pinned: string | undefined): string[] {
  return [pinned ?? checkout.hostedOrigin]
}

/**
 * The checkout's URL when it may be navigated to, framed or opened right now, else `undefined`.
 * Called at each of those moments, not once: nothing between reading and showing is trusted.
 */
export function trustedHref(checkout: Pick<Checkout, 'url' | 'hostedOrigin'> | null | undefined, pinned: string | undefined): string | undefined {
  return checkout ? trustedCheckoutUrl(checkout.url, allowedOrigins(checkout, pinned))?.href : undefined
}

/**
 * Reads what the route (or a provider's `createCheckout`/`getCheckout`) answered as the contract's
 * summary, or names what was wrong. A backend that announces no `hostedOrigin` is trusted only on
 * Payfect's own hosted origins (or the pinned `checkoutOrigin`), with a development warning.
 */
export function readCheckout(value: unknown, pinned: string | undefined): { checkout: Checkout } | { problems: string[] } {
  let record = value
  if (typeof value === 'object' && value !== null && (value as { hostedOrigin?: unknown }).hostedOrigin == null) {
    if (process.env.NODE_ENV !== 'production') {
      warn('The checkout route announced no hostedOrigin; only Payfect’s hosted origins (or the provider’s checkoutOrigin) are trusted. Update @payfect/server, or return hostedOrigin from a custom createCheckout.')
    }
    const origin = toHostedOrigin((value as { url?: unknown }).url)
    const known = [pinned, ...payfectHostedOrigins].find((allowed) => allowed !== undefined && toHostedOrigin(allowed) === origin)
    record = { ...value, hostedOrigin: known ?? payfectHostedOrigins[0] }
  }
  const read = readCheckoutSummary(record)
  if (!read.ok) return { problems: read.problems }
  if (pinned !== undefined && toHostedOrigin(pinned) !== read.summary.hostedOrigin) {
    return { problems: [`hostedOrigin (${read.summary.hostedOrigin} is not the provider’s checkoutOrigin ${pinned})`] }
  }
  return { checkout: read.summary }
}
