import { describe } from '../describe'
import { configError } from '../errors'
import type { ValidatedCheckoutBody } from './checkout-request-body'

/**
 * A URL sent to Payfect: absolute, relative to the request's origin (`'/thanks'`),
 * or computed per request from the request and the validated body, whose
 * `clientReferenceId` is the one that will be sent (the `clientReferenceId` option's, if given).
 */
export type UrlOption = string | ((request: Request, body: ValidatedCheckoutBody) => string | Promise<string>)

/** Checks a URL option at construction, so a malformed one fails at startup. */
export function checkUrlOption(name: string, value: unknown): UrlOption | undefined {
  if (value === undefined || typeof value === 'function') return value as UrlOption | undefined
  // Any base will do to check that a relative URL parses; the real one is the request's origin.
  if (parseWebUrl(value, 'https://merchant.invalid')) return value as string
  throw urlError(`\`${name}\` is ${describe(value)}`)
}

/**
 * The absolute URL for this request; a function returning a bad URL is a configuration error.
 * A string option is resolved at once, so the hot path awaits no promise for it.
 */
export function resolveUrlOption(
  name: string,
  option: UrlOption | undefined,
  request: Request,
  body: ValidatedCheckoutBody,
): string | undefined | Promise<string> {
  if (option === undefined) return undefined
  if (typeof option !== 'function') return absolute(name, option, request.url)
  return (async () => absolute(name, await option(request, body), request.url))()
}

function absolute(name: string, value: unknown, requestUrl: string): string {
  const url = resolveAgainst(value, requestUrl)
  if (url) return url
  throw urlError(`the \`${name}\` function returned ${describe(value)}`)
}

const urlError = (what: string) =>
  configError(`createCheckoutHandler: ${what}, not an http(s) URL. Use an absolute URL or a path like '/checkout/success'.`)

// A route resolves the same few options against the same URL on every request: each
// pair is parsed once and remembered (a bounded cache, so odd request URLs cannot grow it).
const resolved = new Map<string, string | undefined>()

function resolveAgainst(value: unknown, requestUrl: string): string | undefined {
  if (typeof value !== 'string') return undefined
  const key = `${requestUrl} ${value}`
  if (resolved.has(key)) return resolved.get(key)
  if (resolved.size >= 256) resolved.clear()
  const url = parseWebUrl(value, new URL(requestUrl).origin)
  resolved.set(key, url)
  return url
}

function parseWebUrl(value: unknown, base: string): string | undefined {
  const url = typeof value === 'string' && value.trim() && URL.canParse(value, base) ? new URL(value, base) : undefined
  return url && /^https?:$/.test(url.protocol) ? url.href : undefined
}
