import { isLoopbackHostname } from '@payfect/contract'
import { checkBaseUrl, checkHostedOrigin, DEFAULT_BASE_URL, hostedOriginsFor } from '../api/base-url'
import { type CheckoutCalls, checkoutCalls } from '../api/checkouts'
import { describe } from '../describe'
import { defaultEnv, isDevelopment, type PayfectEnv, setting } from '../environment'
import { configError } from '../errors'
import type { CurrencyCode } from '../types'
import { type CatalogItem, validateCatalog } from './catalog'
import type { CheckoutHandlerOptions, UrlOption } from './options'
import { normalizeOrigins } from './origin'

/** The options after every check that holds in any environment (made when the handler is created). */
export interface StaticConfig {
  options: CheckoutHandlerOptions
  catalog: ReadonlyMap<string, CatalogItem>
  allowPriceIds: boolean
  currency: CurrencyCode
  urls: Array<{ option: 'successUrl' | 'cancelUrl' | 'callbackUrl'; field: 'success_url' | 'cancel_url' | 'callback_url'; value: UrlOption | undefined }>
  allowedOrigins: ReadonlySet<string>
  onError: (error: unknown, request: Request) => void
}

/** What exists only at run time (keys, origins), read on the first request. */
export interface RuntimeConfig {
  env: PayfectEnv
  api: CheckoutCalls
  baseUrl: string
  hostedOrigins: readonly string[]
  /** `undefined` when unset: then only a loopback request origin may stand in, and only in development or against the sandbox. */
  publicOrigin: string | undefined
  /** Development, or a loopback API base (the sandbox). */
  lenient: boolean
}

const fail = (message: string) => configError(`createCheckoutHandler: ${message}`)

/** Checks what is wrong in every environment, so a typo fails at startup; secrets may be absent at build time. */
export function staticConfig(options: CheckoutHandlerOptions): StaticConfig {
  if (typeof options !== 'object' || options === null) throw fail('pass an options object like { catalog }.')
  const { resolveItems, allowPriceIds = false, currency = 'usdt', onError = logError } = options
  for (const [name, value] of Object.entries({ resolveItems, onError, clientReferenceId: options.clientReferenceId, findOpenCheckout: options.findOpenCheckout, onPayment: options.onPayment, fetch: options.fetch })) {
    if (value !== undefined && typeof value !== 'function') throw fail(`\`${name}\` must be a function (got ${describe(value)}).`)
  }
  if (resolveItems && (options.catalog !== undefined || options.allowPriceIds !== undefined)) throw fail('`resolveItems` replaces `catalog` and `allowPriceIds`; give one or the other.')
  if (typeof allowPriceIds !== 'boolean') throw fail(`\`allowPriceIds\` must be true or false (got ${describe(allowPriceIds)}).`)
  const catalog = options.catalog === undefined ? new Map<string, CatalogItem>() : validateCatalog(options.catalog)
  if (!resolveItems && catalog.size === 0 && !allowPriceIds) throw fail('nothing can be bought; give a `catalog`, `allowPriceIds: true` or `resolveItems`.')
  if (typeof currency !== 'string' || !/^[a-z][a-z0-9]{1,15}$/.test(currency)) throw fail(`\`currency\` must be a lower-case code like "usdt" (got ${describe(currency)}).`)
  // Given in code, these are wrong everywhere; from the environment they are checked on the first request.
  if (options.baseUrl !== undefined) checkBaseUrl(options.baseUrl)
  if (options.publicOrigin !== undefined) checkPublicOrigin(options.publicOrigin)
  checkHostedOrigin(options.hostedOrigin)
  if (options.timeoutMs !== undefined && !(typeof options.timeoutMs === 'number' && options.timeoutMs > 0 && options.timeoutMs <= 2_147_483_647)) {
    throw fail(`\`timeoutMs\` must be a number of milliseconds above 0 (got ${describe(options.timeoutMs)}).`)
  }
  return {
    options,
    catalog,
    allowPriceIds,
    currency,
    urls: (['success', 'cancel', 'callback'] as const).map((kind) => ({
      option: `${kind}Url` as const,
      field: `${kind}_url` as const,
      value: checkUrlOption(`${kind}Url`, options[`${kind}Url`]),
    })),
    allowedOrigins: normalizeOrigins(options.allowedOrigins),
    onError,
  }
}

/**
 * Reads the run-time settings. Throws a `PayfectConfigurationError` whose message names the
 * variable to set; the route answers it with a generic 500 and logs the message.
 */
export function runtimeConfig({ options }: StaticConfig): RuntimeConfig {
  const env = options.env ?? defaultEnv()
  const apiKey = setting(options.apiKey, env, 'PAYFECT_API_KEY')
  if (!apiKey) throw configError('No API key: set PAYFECT_API_KEY (or pass `apiKey`) on the server.', 'missing_api_key')
  if (/^api-key\s/i.test(apiKey) || !/^[\x21-\x7e]+$/.test(apiKey)) {
    throw configError('The API key has a space, a line break or an "Api-Key " prefix: set PAYFECT_API_KEY to the key alone.', 'malformed_api_key')
  }
  const baseUrl = checkBaseUrl(setting(options.baseUrl, env, 'PAYFECT_API_BASE') ?? DEFAULT_BASE_URL, options.baseUrl === undefined ? 'PAYFECT_API_BASE' : 'baseUrl')
  const hostedOrigins = hostedOriginsFor(baseUrl, checkHostedOrigin(options.hostedOrigin))
  if (hostedOrigins.length === 0) {
    throw configError(`The API base ${new URL(baseUrl).origin} is neither Payfect's nor loopback: pass \`hostedOrigin\`, the origin its checkout pages live on.`, 'missing_hosted_origin')
  }
  const publicOrigin = setting(options.publicOrigin, env, 'PAYFECT_PUBLIC_ORIGIN')
  const fetchFn = options.fetch ?? globalThis.fetch
  return {
    env,
    api: checkoutCalls({ apiKey, baseUrl, fetch: (input, init) => fetchFn(input, init), timeoutMs: options.timeoutMs ?? 15_000 }),
    baseUrl,
    hostedOrigins,
    publicOrigin: publicOrigin === undefined ? undefined : checkPublicOrigin(publicOrigin, options.publicOrigin === undefined ? 'PAYFECT_PUBLIC_ORIGIN' : 'publicOrigin'),
    lenient: isDevelopment(env) || isLoopbackHostname(new URL(baseUrl).hostname),
  }
}

function checkPublicOrigin(value: unknown, name = 'publicOrigin'): string {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined
  if (url && /^https?:$/.test(url.protocol) && url.origin === (value as string).replace(/\/$/, '')) return url.origin
  throw configError(`\`${name}\` must be the shop's origin, like "https://shop.example" (no path).`, 'malformed_public_origin')
}

/** A string URL option must parse against some origin (the real one is `publicOrigin`) and be http(s). */
function checkUrlOption(name: string, value: unknown): UrlOption | undefined {
  if (value === undefined || typeof value === 'function') return value as UrlOption | undefined
  if (typeof value === 'string' && value.trim() && URL.canParse(value, 'https://merchant.invalid') && /^https?:$/.test(new URL(value, 'https://merchant.invalid').protocol)) return value
  throw fail(`\`${name}\` is ${describe(value)}, not an http(s) URL; use an absolute URL or a path like '/checkout/success'.`)
}

function logError(error: unknown): void {
  console.error('[@payfect/server] checkout handler:', error)
}
