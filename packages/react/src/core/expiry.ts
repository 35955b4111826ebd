import { timeToExpiry } from '@payfect/contract'
import type { Checkout } from './types'

// When each answer arrived, on the page's monotonic clock: the shopper's wall clock never enters.
const arrivals = new WeakMap<Checkout, number>()

/** Records that `checkout` just arrived from the route. */
export function noteArrival(checkout: Checkout): Checkout {
  arrivals.set(checkout, performance.now())
  return checkout
}

/**
 * Milliseconds until the checkout expires, by the route's clock (`expiresAt − serverTime`) less the
 * time since the answer arrived; `undefined` when it has no readable expiry.
 */
export function msToExpiry(checkout: Checkout): number | undefined {
  const left = timeToExpiry(checkout)
  if (left === undefined) return undefined
  const arrived = arrivals.get(checkout)
  return arrived === undefined ? left : left - (performance.now() - arrived)
}

// A checkout this close to expiry is not worth reopening.
const reuseMargin = 30_000

/** `true` when an open checkout is far enough from expiry, by server time, to show again. */
export function isReusable(checkout: Checkout | null | undefined): boolean {
  if (checkout?.status !== 'open') return false
  const left = msToExpiry(checkout)
  return left === undefined || left > reuseMargin
}
