import type { Checkout } from './types'

/** What a frame or popup that became readable has landed on. */
export type ReturnKind = 'success' | 'cancel' | 'unknown' | 'ignore'

/** Same origin and path, and every query parameter of `expected` present with the same value. */
function matches(href: URL, expected: string | null | undefined): boolean {
  if (!expected) return false
  let target: URL
  try {
    target = new URL(expected, href)
  } catch {
    return false
  }
  if (target.origin !== href.origin || target.pathname !== href.pathname) return false
  for (const [key, value] of target.searchParams) if (href.searchParams.get(key) !== value) return false
  return true
}

/**
 * Classifies the location a checkout frame (or popup) navigated to once it became
 * readable, which only happens when it is back on the merchant's own origin.
 * `unknown` means "on the merchant's origin, but neither the success nor the cancel
 * URL": the caller asks the status endpoint. The initial `about:blank` and the
 * checkout page itself are `ignore`.
 */
export function classifyReturn(href: string | null | undefined, checkout: Pick<Checkout, 'hostedOrigin' | 'successUrl' | 'cancelUrl'>): ReturnKind {
  if (!href || href.startsWith('about:')) return 'ignore'
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return 'ignore'
  }
  if (url.origin === checkout.hostedOrigin) return 'ignore'
  if (matches(url, checkout.successUrl)) return 'success'
  if (matches(url, checkout.cancelUrl)) return 'cancel'
  return 'unknown'
}

/**
 * The location of a window we may or may not read: `undefined` while it shows
 * another origin (reading throws a `SecurityError` then) or when it is gone.
 */
export function readableLocation(win: Window | null | undefined): string | undefined {
  try {
    const href = win?.location.href
    return typeof href === 'string' ? href : undefined
  } catch {
    return undefined
  }
}
