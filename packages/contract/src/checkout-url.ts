/** Payfect's hosted checkout origins: live, and the test-mode one. */
export const payfectHostedOrigins = ['https://buy.payfect.finance', 'https://buy-dev.payfect.finance'] as const

/** `localhost`, `*.localhost`, 127.0.0.0/8 and `[::1]`: the only hosts plain http is trusted on. */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase()
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)
}

/** Parses `value` as an absolute URL, or `undefined`. */
export function parseUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string' || value === '') return undefined
  try {
    return new URL(value)
  } catch {
    return undefined
  }
}

/**
 * An origin a checkout page may live on: `https:`, or `http:` on a loopback host (the sandbox),
 * with no path, credentials or opaque (`"null"`) origin. Returns the normalised origin or `undefined`.
 */
export function toHostedOrigin(value: unknown): string | undefined {
  const url = parseUrl(value)
  if (!url || url.origin === 'null' || url.username || url.password) return undefined
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHostname(url.hostname))) return undefined
  return url.origin
}

/**
 * The checkout URL, when it is safe to navigate to, frame or open: absolute, on one of
 * `origins` (each itself a valid hosted origin), over https (http only on loopback), without
 * credentials. `javascript:`, `data:` and every opaque origin (`"null"`) never pass.
 */
export function trustedCheckoutUrl(url: unknown, origins: readonly (string | undefined)[]): URL | undefined {
  const parsed = parseUrl(url)
  const origin = parsed && toHostedOrigin(parsed.href)
  if (!parsed || !origin) return undefined
  return origins.some((allowed) => allowed !== undefined && toHostedOrigin(allowed) === origin) ? parsed : undefined
}

/** `true` for an absolute `http:` or `https:` URL: what `successUrl` and `cancelUrl` must be. */
export function isHttpUrl(value: unknown): boolean {
  const url = parseUrl(value)
  return !!url && (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password
}
