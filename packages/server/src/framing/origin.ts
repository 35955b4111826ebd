import { PayfectConfigurationError } from '../errors'

/**
 * `value` as a web origin (`https://shop.example`, `http://localhost:3000`), or a
 * `PayfectConfigurationError` naming `name` and the fix.
 */
export function parseOrigin(name: string, value: unknown): string {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash || url.pathname !== '/' || /[?#]$/.test(value as string)) {
    const got = url && (url.username || url.password) ? 'a URL with user info' : JSON.stringify(value)
    throw new PayfectConfigurationError({
      message: `\`${name}\` must be an origin: a scheme, a host and an optional port, like https://shop.example; got ${got}. Pass \`new URL(pageUrl).origin\`.`,
    })
  }
  return url.origin
}

/** `value` as an absolute `http:` or `https:` URL, or a `PayfectConfigurationError` naming `name` and the fix. */
export function parseWebUrl(name: string, value: unknown): URL {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : value instanceof URL ? new URL(value.href) : undefined
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password) {
    // A URL with user info holds a credential: it is not echoed.
    const got = url && (url.username || url.password) ? 'a URL with user info' : JSON.stringify(String(value))
    throw new PayfectConfigurationError({ message: `\`${name}\` must be an absolute http: or https: URL without user info, like https://buy.payfect.finance/checkouts/<id>; got ${got}.` })
  }
  return url
}
