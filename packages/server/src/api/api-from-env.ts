import { setting, type PayfectEnv } from '../environment'
import { configError } from '../errors'
import { checkBaseUrl, DEFAULT_BASE_URL } from './base-url'
import { type CheckoutCalls, checkoutCalls } from './checkouts'

/** The options both handlers read the API's settings from; left out, they come from the environment. */
export interface ApiOptions {
  apiKey?: string | undefined
  baseUrl?: string | undefined
  fetch?: typeof fetch | undefined
  timeoutMs?: number | undefined
}

/** The lean calls with the key and base of `options`, else of `env`; throws a `PayfectConfigurationError` naming the variable to set. */
export function apiFromEnv(options: ApiOptions, env: PayfectEnv): { api: CheckoutCalls; baseUrl: string } {
  const apiKey = setting(options.apiKey, env, 'PAYFECT_API_KEY')
  if (!apiKey) throw configError('No API key: set PAYFECT_API_KEY (or pass `apiKey`) on the server.', 'missing_api_key')
  if (/^api-key\s/i.test(apiKey) || !/^[\x21-\x7e]+$/.test(apiKey)) {
    throw configError('The API key has a space, a line break or an "Api-Key " prefix: set PAYFECT_API_KEY to the key alone.', 'malformed_api_key')
  }
  const baseUrl = checkBaseUrl(setting(options.baseUrl, env, 'PAYFECT_API_BASE') ?? DEFAULT_BASE_URL, options.baseUrl === undefined ? 'PAYFECT_API_BASE' : 'baseUrl')
  const fetchFn = options.fetch ?? globalThis.fetch
  return { api: checkoutCalls({ apiKey, baseUrl, fetch: (input, init) => fetchFn(input, init), timeoutMs: options.timeoutMs ?? 15_000 }), baseUrl }
}
