import { PayfectConfigurationError } from '../errors'
import type { ValidatedCheckoutBody } from './checkout-request-body'

/**
 * A URL sent to Payfect: absolute, relative to the request's origin (`'/thanks'`),
 * or computed per request from the request and the validated body, whose
 * `clientReferenceId` is the one that will be sent (the `clientReferenceId` option's, if given).
 */
export type UrlOption = string | ((request: Request, body: ValidatedCheckoutBody) => string | Promise<string>)

// Any base will do to check that a relative URL parses; the real one is the request's origin.
const PROBE_BASE = 'https://merchant.invalid'

/** Checks a URL option at construction, so a malformed one fails at startup. */
export function checkUrlOption(name: string, value: unknown): UrlOption | undefined {
  if (value === undefined || typeof value === 'function') return value as UrlOption | undefined
  if (typeof value !== 'string' || value.trim() === '' || parseWebUrl(value, PROBE_BASE) === undefined) {
    throw new PayfectConfigurationError({
      message: `createCheckoutHandler: \`${name}\` must be an http(s) URL, absolute or relative to the site ('/checkout/success'), or a function (request, body) => string; got ${typeof value === 'string' ? JSON.stringify(value) : `a value of type ${typeof value}`}.`,
    })
  }
  return value
}

/** The absolute URL for this request; a function returning a bad URL is a configuration error. */
export async function resolveUrlOption(
  name: string,
  option: UrlOption | undefined,
  request: Request,
  body: ValidatedCheckoutBody,
): Promise<string | undefined> {
  if (option === undefined) return undefined
  const value = typeof option === 'function' ? await option(request, body) : option
  const url = typeof value === 'string' && value.trim() !== '' ? parseWebUrl(value, new URL(request.url).origin) : undefined
  if (!url) {
    throw new PayfectConfigurationError({
      message: `createCheckoutHandler: the \`${name}\` function returned ${typeof value === 'string' ? JSON.stringify(value) : `a value of type ${typeof value}`}, which is not an http(s) URL. Return an absolute URL or a path such as '/checkout/success'.`,
    })
  }
  return url
}

function parseWebUrl(value: string, base: string): string | undefined {
  if (!URL.canParse(value, base)) return undefined
  const url = new URL(value, base)
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined
}
