import { describe } from '../describe'
import { configError } from '../errors'

export interface OriginVerdict {
  /** False for a cross-site browser request from an origin not allowed. */
  allowed: boolean
  /** Set for an allowed cross-origin browser request: the origin to answer CORS for. */
  corsOrigin?: string
}

/**
 * Decides whether a browser request may create a checkout: its `Origin` must be the shop's
 * `publicOrigin` or one of `allowedOrigins`, never whatever `Host` says. Without an `Origin`,
 * `Sec-Fetch-Site` decides (`same-origin`, or `none` for a typed URL); a request with neither
 * comes from a server or a tool, not a page another site controls, and may.
 */
export function checkOrigin(request: Request, publicOrigin: string, allowedOrigins: ReadonlySet<string>): OriginVerdict {
  const origin = request.headers.get('origin')
  if (origin !== null) {
    if (origin === publicOrigin) return { allowed: true }
    if (allowedOrigins.has(origin)) return { allowed: true, corsOrigin: origin }
    return { allowed: false }
  }
  const site = request.headers.get('sec-fetch-site')
  if (site !== null) return { allowed: site === 'same-origin' || site === 'none' }
  return { allowed: true }
}

/** Normalizes `allowedOrigins` at construction; each must be a bare `https://host[:port]` origin. */
export function normalizeOrigins(origins: unknown): ReadonlySet<string> {
  if (origins !== undefined && !Array.isArray(origins)) {
    throw originsError(`is ${describe(origins)}, not an array`)
  }
  return new Set(
    ((origins ?? []) as unknown[]).map((value) => {
      const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined
      if (url && /^https?:$/.test(url.protocol) && !url.hostname.includes('*') && url.origin === (value as string).replace(/\/$/, '')) return url.origin
      throw originsError(`holds ${describe(value)}, not an origin`)
    }),
  )
}

const originsError = (what: string) =>
  configError(`createCheckoutHandler: \`allowedOrigins\` ${what}. List origins (scheme, host and port only) like ['https://shop.example'].`)

/** CORS headers for an allowed cross-origin request; `Vary: Origin` so caches keep answers apart. */
export function corsHeaders(corsOrigin: string | undefined): Record<string, string> {
  return corsOrigin ? { 'access-control-allow-origin': corsOrigin, vary: 'Origin' } : {}
}

/** The answer to a CORS preflight from an allowed origin, so it may POST JSON. */
export function preflightHeaders(corsOrigin: string): Record<string, string> {
  return {
    ...corsHeaders(corsOrigin),
    'access-control-allow-methods': 'GET, POST',
    'access-control-allow-headers': 'content-type',
    'access-control-max-age': '600',
  }
}
