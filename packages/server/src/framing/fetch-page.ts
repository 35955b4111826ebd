import { USER_AGENT } from '../version'

/** A page fetched for its headers, after following its redirects one checked hop at a time. */
export type PageFetch =
  | {
      ok: true
      /** The URL that answered last. */
      url: URL
      status: number
      headers: Headers
      /** Every URL requested, in order: the first one, then each redirect's target. */
      chain: URL[]
    }
  | {
      ok: false
      /** `timeout`: no answer in time; `network`: no answer at all; `redirect`: a redirect not followed. */
      reason: 'timeout' | 'network' | 'redirect'
      message: string
      chain: URL[]
    }

export interface FetchPageOptions {
  fetch: typeof fetch
  /** For the whole chain of requests. */
  timeoutMs: number
  maxRedirects: number
  signal?: AbortSignal | undefined
}

// Only what a browser's first visit would send: no API key, no cookie, no credentials of any kind.
const HEADERS = { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8', 'user-agent': `${USER_AGENT} (framing check)` }

/**
 * GETs `url` for its response headers. Follows redirects itself (`redirect: 'manual'`), and
 * only to a target it has checked: http(s), no user info, no step down from https to http,
 * at most `maxRedirects` hops. The body is never read.
 */
export async function fetchPage(url: URL, { fetch, timeoutMs, maxRedirects, signal }: FetchPageOptions): Promise<PageFetch> {
  const timeout = AbortSignal.timeout(timeoutMs)
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout
  const chain = [url]
  let current = url
  while (true) {
    let response: Response
    try {
      response = await fetch(current.href, { method: 'GET', headers: HEADERS, redirect: 'manual', credentials: 'omit', signal: combined })
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      if (timeout.aborted) return { ok: false, reason: 'timeout', message: `${current.origin} did not answer within ${timeoutMs} ms`, chain }
      return { ok: false, reason: 'network', message: `${current.origin} could not be reached (${describe(error)})`, chain }
    }
    await response.body?.cancel().catch(() => {})
    const location = response.headers.get('location')
    if (response.status < 300 || response.status > 399 || location === null) {
      return { ok: true, url: current, status: response.status, headers: response.headers, chain }
    }
    const next = URL.canParse(location, current) ? new URL(location, current) : undefined
    const problem = next ? redirectProblem(current, next) : `an unreadable Location (${JSON.stringify(location)})`
    if (problem || !next) return { ok: false, reason: 'redirect', message: `${current.href} redirects to ${problem}, which is not followed`, chain }
    if (chain.length > maxRedirects) return { ok: false, reason: 'redirect', message: `${url.href} redirects more than ${maxRedirects} times`, chain }
    chain.push(next)
    current = next
  }
}

function redirectProblem(from: URL, to: URL): string | undefined {
  if (!/^https?:$/.test(to.protocol)) return `a ${to.protocol} URL`
  if (to.username || to.password) return 'a URL with user info'
  if (from.protocol === 'https:' && to.protocol === 'http:') return `${to.href} (from https down to http)`
  return undefined
}

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
  return cause instanceof Error ? cause.message : String(cause)
}
