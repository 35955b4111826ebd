import { PayfectConfigurationError } from '../errors'

/**
 * `value` as a web origin (`https://shop.example`, `http://localhost:3000`), or a
 * `PayfectConfigurationError` naming `name` and the fix.
 */
export function parseOrigin(name: string, value: unknown): string {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash || url.pathname !== '/' || /[?#]$/.test(value as string)) {
    throw new PayfectConfigurationError({
      message: `\`${name}\` must be an origin: a scheme, a host and an optional port, like https://shop.example; got ${JSON.stringify(value)}. Pass \`new URL(pageUrl).origin\`.`,
    })
  }
  return url.origin
}

/** `value` as an absolute `http:` or `https:` URL, or a `PayfectConfigurationError` naming `name` and the fix. */
export function parseWebUrl(name: string, value: unknown): URL {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : value instanceof URL ? new URL(value.href) : undefined
  if (!url || !/^https?:$/.test(url.protocol)) {
    throw new PayfectConfigurationError({ message: `\`${name}\` must be an absolute http: or https: URL, like https://buy.payfect.finance/checkouts/<id>; got ${JSON.stringify(String(value))}.` })
  }
  return url
}
