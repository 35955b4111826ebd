import { Payfect } from '../client'
import { describe } from '../describe'
import { configError } from '../errors'
import type { CurrencyCode } from '../types'
import { type CatalogItem, validateCatalog } from './catalog'
import type { CheckoutHandlerOptions, CheckoutsApi } from './checkout-handler-options'
import { normalizeOrigins } from './origin-guard'
import { checkUrlOption, type UrlOption } from './url-option'

/** The options after every check that can be made at startup. */
export interface HandlerConfig {
  payfect: CheckoutsApi
  catalog: ReadonlyMap<string, CatalogItem>
  allowPriceIds: boolean
  resolveItems: CheckoutHandlerOptions['resolveItems']
  currency: CurrencyCode
  /** Each URL option with the request field it fills. */
  urls: Array<{ option: 'successUrl' | 'cancelUrl' | 'callbackUrl'; field: 'success_url' | 'cancel_url' | 'callback_url'; value: UrlOption | undefined }>
  clientReferenceId: CheckoutHandlerOptions['clientReferenceId']
  allowedOrigins: ReadonlySet<string>
  onError: (error: unknown, request: Request) => void
}

const fail = (message: string) => configError(`createCheckoutHandler: ${message}`)
const isFunction = (value: unknown) => typeof value === 'function'

/** Checks the options so that a mistake fails when the server starts, not at a shopper's checkout. */
export function resolveHandlerConfig(options: CheckoutHandlerOptions): HandlerConfig {
  if (typeof options !== 'object' || options === null) throw fail('pass an options object like { apiKey, catalog }.')
  const { resolveItems, allowPriceIds = false, currency = 'usdt', onError = logError, clientReferenceId } = options
  // Each option that must be a function, when given.
  for (const [name, value] of Object.entries({ resolveItems, clientReferenceId, onError })) {
    if (value !== undefined && !isFunction(value)) throw fail(`\`${name}\` must be a function (got ${describe(value)}).`)
  }
  if (resolveItems && (options.catalog !== undefined || options.allowPriceIds !== undefined)) {
    throw fail('`resolveItems` replaces `catalog` and `allowPriceIds`; give one or the other.')
  }
  if (typeof allowPriceIds !== 'boolean') throw fail(`\`allowPriceIds\` must be true or false (got ${describe(allowPriceIds)}).`)
  const catalog = options.catalog === undefined ? new Map<string, CatalogItem>() : validateCatalog(options.catalog)
  if (!resolveItems && catalog.size === 0 && !allowPriceIds) {
    throw fail('nothing can be bought. Give a `catalog`, `allowPriceIds: true` or `resolveItems`.')
  }
  if (typeof currency !== 'string' || !/^[a-z][a-z0-9]{1,15}$/.test(currency)) throw fail(`\`currency\` must be a lower-case code like "usdt" (got ${describe(currency)}).`)

  return {
    payfect: makeClient(options),
    catalog,
    allowPriceIds,
    resolveItems,
    currency,
    urls: (['success', 'cancel', 'callback'] as const).map((kind) => ({
      option: `${kind}Url` as const,
      field: `${kind}_url` as const,
      value: checkUrlOption(`${kind}Url`, options[`${kind}Url`]),
    })),
    clientReferenceId,
    allowedOrigins: normalizeOrigins(options.allowedOrigins),
    onError,
  }
}

function makeClient({ apiKey, baseUrl, payfect }: CheckoutHandlerOptions): CheckoutsApi {
  if (payfect === undefined) {
    if (apiKey === undefined) throw fail('no `apiKey`. Pass one (is PAYFECT_API_KEY set?) or a ready `payfect` client.')
    return new Payfect({ apiKey, baseUrl })
  }
  if (apiKey !== undefined || baseUrl !== undefined) throw fail('give `apiKey` (and `baseUrl`) or a `payfect` client, not both.')
  if (!isFunction(payfect?.checkouts?.create) || !isFunction(payfect.checkouts.retrieve)) throw fail('`payfect` must be a client made with new Payfect({ apiKey }).')
  return payfect
}

function logError(error: unknown): void {
  console.error('[@payfect/server] checkout handler:', error)
}
