import { setting, type PayfectEnv } from '../environment'
import { configError } from '../errors'
import { checkBaseUrl, DEFAULT_BASE_URL } from './base-url'
import { type CheckoutCalls, checkoutCalls } from './checkouts'

/** What both handlers call Payfect with; left out, each comes from the environment (see the README's table). */
export interface ApiOptions {
  /**
   * Your secret Payfect API key. Never reaches a browser, a response or a log line.
   * @defaultValue `PAYFECT_API_KEY`, read on the first request
   */
  apiKey?: string | undefined
  /**
   * The API root; point it at the sandbox in development.
   * @defaultValue `PAYFECT_API_BASE`, else `'https://api.payfect.finance/api/v1'`
   * @example baseUrl: 'http://127.0.0.1:4010/api/v1'
   */
  baseUrl?: string | undefined
  /**
   * Where `PAYFECT_*` and `NODE_ENV` are read; pass the Worker's `env` where there is no `process.env`.
   * @defaultValue `process.env`
   */
  env?: PayfectEnv | undefined
  /**
   * The `fetch` Payfect is called with.
   * @defaultValue `globalThis.fetch`
   */
  fetch?: typeof fetch | undefined
}

/** The lean calls with the key and base of `options`, else of `env`; throws a `PayfectConfigurationError` naming the variable to set. */
export function apiFromEnv(options: ApiOptions & { timeoutMs?: number | undefined }, env: PayfectEnv): { api: CheckoutCalls; baseUrl: string } {
  const apiKey = setting(options.apiKey, env, 'PAYFECT_API_KEY')
  if (!apiKey) throw configError('No API key: set PAYFECT_API_KEY (or pass `apiKey`) on the server.', 'missing_api_key')
  if (/^api-key\s/i.test(apiKey) || !/^[\x21-\x7e]+$/.test(apiKey)) {
    throw configError('The API key has a space, a line break or an "Api-Key " prefix: set PAYFECT_API_KEY to the key alone.', 'malformed_api_key')
  }
  const baseUrl = checkBaseUrl(setting(options.baseUrl, env, 'PAYFECT_API_BASE') ?? DEFAULT_BASE_URL, options.baseUrl === undefined ? 'PAYFECT_API_BASE' : 'baseUrl')
  const fetchFn = options.fetch ?? globalThis.fetch
  return { api: checkoutCalls({ apiKey, baseUrl, fetch: (input, init) => fetchFn(input, init), timeoutMs: options.timeoutMs ?? 15_000 }), baseUrl }
}
