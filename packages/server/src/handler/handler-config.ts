import { Payfect } from '../client'
import { PayfectConfigurationError } from '../errors'
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

const fail = (message: string) => new PayfectConfigurationError({ message: `createCheckoutHandler: ${message}` })

/** Checks the options so that a mistake fails when the server starts, not at a shopper's checkout. */
export function resolveHandlerConfig(options: CheckoutHandlerOptions): HandlerConfig {
  if (typeof options !== 'object' || options === null) {
    throw fail('pass an options object, e.g. createCheckoutHandler({ apiKey: process.env.PAYFECT_API_KEY, catalog }).')
  }
  const { resolveItems, allowPriceIds = false, currency = 'usdt', onError = logError } = options
  if (resolveItems !== undefined && typeof resolveItems !== 'function') throw fail('`resolveItems` must be a function.')
  if (resolveItems && (options.catalog !== undefined || options.allowPriceIds !== undefined)) {
    throw fail('`resolveItems` replaces `catalog` and `allowPriceIds`; give either `resolveItems` alone or a `catalog` (and/or `allowPriceIds`).')
  }
  if (typeof allowPriceIds !== 'boolean') throw fail('`allowPriceIds` must be true or false.')
  const catalog = options.catalog === undefined ? new Map<string, CatalogItem>() : validateCatalog(options.catalog)
  if (!resolveItems && catalog.size === 0 && !allowPriceIds) {
    throw fail(
      'nothing can be bought: give a `catalog` of items, e.g. { "pro-plan": { name: "Pro plan", unitAmount: "20.00", currency: "usdt" } }, or `allowPriceIds: true`, or `resolveItems`.',
    )
  }
  if (typeof currency !== 'string' || !/^[a-z][a-z0-9]{1,15}$/.test(currency)) throw fail('`currency` must be a lower-case code such as "usdt".')
  if (options.clientReferenceId !== undefined && typeof options.clientReferenceId !== 'function') {
    throw fail('`clientReferenceId` must be a function (request, body) => string | undefined.')
  }
  if (typeof onError !== 'function') throw fail('`onError` must be a function (error, request) => void.')

  return {
    payfect: makeClient(options),
    catalog,
    allowPriceIds,
    resolveItems,
    currency,
    urls: [
      { option: 'successUrl', field: 'success_url', value: checkUrlOption('successUrl', options.successUrl) },
      { option: 'cancelUrl', field: 'cancel_url', value: checkUrlOption('cancelUrl', options.cancelUrl) },
      { option: 'callbackUrl', field: 'callback_url', value: checkUrlOption('callbackUrl', options.callbackUrl) },
    ],
    clientReferenceId: options.clientReferenceId,
    allowedOrigins: normalizeOrigins(options.allowedOrigins),
    onError,
  }
}

function makeClient({ apiKey, baseUrl, payfect }: CheckoutHandlerOptions): CheckoutsApi {
  if (payfect !== undefined) {
    if (apiKey !== undefined || baseUrl !== undefined) {
      throw fail('give either `apiKey` (and optionally `baseUrl`) or a ready `payfect` client, not both.')
    }
    if (typeof payfect?.checkouts?.create !== 'function' || typeof payfect.checkouts.retrieve !== 'function') {
      throw fail('`payfect` must be a Payfect client: new Payfect({ apiKey }).')
    }
    return payfect
  }
  if (apiKey === undefined) {
    throw fail('no API key: pass `apiKey` (e.g. process.env.PAYFECT_API_KEY — is it set?) or a ready `payfect` client.')
  }
  return new Payfect({ apiKey, baseUrl })
}

function logError(error: unknown): void {
  console.error('[@payfect/server] checkout handler:', error)
}
