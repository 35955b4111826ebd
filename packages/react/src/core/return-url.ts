import type { Checkout } from './types'

/** What a frame or popup that became readable has landed on. */
export type ReturnKind = 'success' | 'cancel' | 'unknown' | 'ignore'

/**
 * How specifically `href` matches `expected`: -1 for no match (another origin or path, or a query
 * parameter of `expected` missing or different), else the number of its query parameters.
 */
function specificity(href: URL, expected: string | null | undefined): number {
  if (!expected) return -1
  let target: URL
  try {
    target = new URL(expected, href)
  } catch {
    return -1
  }
  if (target.origin !== href.origin || target.pathname !== href.pathname) return -1
  let count = 0
  for (const [key, value] of target.searchParams) {
    if (href.searchParams.get(key) !== value) return -1
    count++
  }
  return count
}

/**
 * Classifies the location a checkout frame (or popup) navigated to once it became
 * readable, which only happens when it is back on the merchant's own origin.
 * Every answer is a hint: the caller asks the route, whose status alone decides. The initial `about:blank` and the
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
  // The more specific URL wins: with successUrl "/" and cancelUrl "/?checkout=cancel", a cancel matches both.
  const success = specificity(url, checkout.successUrl)
  const cancel = specificity(url, checkout.cancelUrl)
  if (cancel >= 0 && cancel >= success) return 'cancel'
  if (success >= 0) return 'success'
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
