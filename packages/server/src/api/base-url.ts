import { configError } from '../errors'
import { isLoopbackHostname, payfectHostedOrigins, toHostedOrigin } from '@payfect/contract'

/** Payfect's live API. */
export const DEFAULT_BASE_URL = 'https://api.payfect.finance/api/v1'

/** Checks an API base and drops its trailing slash; throws a `PayfectConfigurationError` naming the fix. */
export function checkBaseUrl(baseUrl: unknown, name = 'baseUrl'): string {
  const fail = (problem: string) => configError(`\`${name}\` ${problem}; use an absolute URL like "${DEFAULT_BASE_URL}" or the sandbox's "http://127.0.0.1:4010/api/v1".`)
  if (typeof baseUrl !== 'string') throw fail(`must be a string (got a ${typeof baseUrl})`)
  if (!URL.canParse(baseUrl)) throw fail(`is not an absolute URL (got ${JSON.stringify(baseUrl.slice(0, 100))})`)
  const url = new URL(baseUrl)
  if (url.username || url.password) throw fail('must not contain a username or password')
  if (!/^https?:$/.test(url.protocol)) throw fail(`must use https (got ${url.protocol})`)
  if (url.search || url.hash) throw fail('must not have a query or fragment')
  return url.href.replace(/\/+$/, '')
}

/**
 * The origins a checkout `url` from this API base may be on: Payfect's hosted pages for
 * Payfect's API, the base's own origin for a loopback one (the sandbox), else only what the
 * merchant configured as `hostedOrigin`. An empty list means the merchant must configure one.
 */
export function hostedOriginsFor(baseUrl: string, configured: string | undefined): readonly string[] {
  if (configured) return [configured]
  const base = new URL(baseUrl)
  if (base.hostname === 'payfect.finance' || base.hostname.endsWith('.payfect.finance')) return payfectHostedOrigins
  if (isLoopbackHostname(base.hostname)) return [base.origin]
  return []
}

/** Checks the `hostedOrigin` option: an https origin (http on loopback), nothing more. */
export function checkHostedOrigin(value: unknown): string | undefined {
  if (value === undefined) return undefined
  const origin = toHostedOrigin(value)
  if (origin && origin === String(value).replace(/\/$/, '')) return origin
  throw configError('`hostedOrigin` must be an origin like "https://pay.example" (https, or http on loopback), with no path.')
}
