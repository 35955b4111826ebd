import { describe } from '../describe'
import { configError } from '../errors'

export interface OriginVerdict {
  /** False for a cross-site browser request from an origin not allowed. */
  allowed: boolean
  /** Set for an allowed cross-origin browser request: the origin to answer CORS for. */
  corsOrigin?: string
}

/**
 * Decides whether a browser request may create a checkout. A request whose
 * `Origin` is this server's own origin, or one of `allowedOrigins`, may; without
 * an `Origin` header, `Sec-Fetch-Site` decides (`same-origin`, or `none` for a
 * user-typed URL); a request with neither header comes from a server or a tool,
 * not a browser another site controls, and may.
 */
export function checkOrigin(request: Request, allowedOrigins: ReadonlySet<string>): OriginVerdict {
  const origin = request.headers.get('origin')
  if (origin !== null) {
    if (origin === new URL(request.url).origin || sameHost(origin, request)) return { allowed: true }
    if (allowedOrigins.has(origin)) return { allowed: true, corsOrigin: origin }
    return { allowed: false }
  }
  const site = request.headers.get('sec-fetch-site')
  if (site !== null) return { allowed: site === 'same-origin' || site === 'none' }
  return { allowed: true }
}

/**
 * True when the browser's `Origin` names the host the browser connected to. Frameworks
 * such as Next.js rebuild `request.url` as `http://localhost:PORT`, and TLS-terminating
 * proxies change the scheme, so the URL alone would refuse a shop's own page. `Host` is
 * set by the browser and no script can forge it, so this admits no other site.
 */
function sameHost(origin: string, request: Request): boolean {
  const host = request.headers.get('host')
  if (!host || !URL.canParse(origin)) return false
  const from = new URL(origin)
  // A proxy may turn https into http on the way in, never the reverse: an http page may not post to an https shop.
  const schemeOk = from.protocol === 'https:' || from.protocol === new URL(request.url).protocol
  return schemeOk && from.host === host.toLowerCase()
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
