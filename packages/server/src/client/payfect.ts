import { checkBaseUrl, DEFAULT_BASE_URL } from '../api/base-url'
import { PayfectConfigurationError } from '../errors'
import { checkCount, checkPositive, requestWithRetries, type RequestOptions } from './http'
import type {
  Checkout,
  CheckoutCreateParams,
  PaymentLink,
  PaymentLinkCreateParams,
  Price,
  PriceCreateParams,
  Product,
  ProductCreateParams,
} from '../types'
import {
  validateCheckoutCreateParams,
  validateId,
  validatePaymentLinkCreateParams,
  validatePriceCreateParams,
  validateProductCreateParams,
} from './validate'

export interface PayfectOptions {
  /**
   * Your secret API key from the Payfect dashboard, sent as `Authorization: Api-Key <key>`.
   * Server side only: never ship it to a browser. It is never shown by `console.log`,
   * `JSON.stringify` or any error.
   * @example new Payfect({ apiKey: process.env.PAYFECT_API_KEY! })
   */
  apiKey: string
  /**
   * The API root, without a trailing slash. Point it at the local sandbox in development.
   * @defaultValue `'https://api.payfect.finance/api/v1'`
   * @example new Payfect({ apiKey, baseUrl: 'http://127.0.0.1:4010/api/v1' })
   */
  baseUrl?: string | undefined
  /**
   * How long each attempt may take, response body included, before it is aborted.
   * @defaultValue 30000
   */
  timeoutMs?: number | undefined
  /**
   * How many times a failed call is retried. GETs are retried on network errors, timeouts,
   * 429 and 5xx; a POST only when the connection was refused (it never reached Payfect).
   * @defaultValue 2
   */
  maxRetries?: number | undefined
  /**
   * The `fetch` to use: inject one for tests, proxies or instrumentation.
   * @defaultValue `globalThis.fetch`
   */
  fetch?: typeof fetch | undefined
  /**
   * The first retry waits about this long; each later one twice as long, with jitter.
   * @defaultValue 500
   */
  retryBaseDelayMs?: number | undefined
  /**
   * The longest wait before a retry, also capping a server's `Retry-After`.
   * @defaultValue 8000
   */
  retryMaxDelayMs?: number | undefined
}

export interface CheckoutsResource {
  /**
   * Creates a checkout; send the shopper to the returned `url`.
   * @example
   * const checkout = await payfect.checkouts.create({
   *   currency: 'usdt',
   *   invoice_items: [{ price_data: { currency: 'usdt', unit_amount: '20.00', product_data: { name: 'Standard Plan' } }, quantity: 1 }],
   *   client_reference_id: order.id,
   *   success_url: 'https://shop.example/thanks',
   * })
   */
  create(params: CheckoutCreateParams, options?: RequestOptions): Promise<Checkout>
  /**
   * Fetches a checkout by id, e.g. to learn whether it was paid (`status === 'complete'`).
   * @example const { status } = await payfect.checkouts.retrieve(checkoutId)
   */
  retrieve(id: string, options?: RequestOptions): Promise<Checkout>
}

export interface ProductsResource {
  /**
   * Creates a product.
   * @example await payfect.products.create({ name: 'Standard Plan' })
   */
  create(params: ProductCreateParams, options?: RequestOptions): Promise<Product>
}

export interface PricesResource {
  /**
   * Creates a price of a product; `unit_amount` is a decimal string.
   * @example await payfect.prices.create({ product: product.id, currency: 'usdt', unit_amount: '20.00' })
   */
  create(params: PriceCreateParams, options?: RequestOptions): Promise<Price>
}

export interface PaymentLinksResource {
  /**
   * Creates a reusable payment link.
   * @example await payfect.paymentLinks.create({ invoice_items: [{ price: price.id, quantity: 1 }] })
   */
  create(params: PaymentLinkCreateParams, options?: RequestOptions): Promise<PaymentLink>
}

/**
 * The Payfect API client. Server side only.
 *
 * @example
 * import { Payfect } from '@payfect/server'
 * const payfect = new Payfect({ apiKey: process.env.PAYFECT_API_KEY! })
 * const checkout = await payfect.checkouts.create({ currency: 'usdt', invoice_items: [{ price: 'pr_123', quantity: 1 }] })
 */
export class Payfect {
  // Declared, not class fields: assigned once below (and no field helpers in an ES2020 edge build).
  declare readonly checkouts: CheckoutsResource
  declare readonly products: ProductsResource
  declare readonly prices: PricesResource
  declare readonly paymentLinks: PaymentLinksResource
  /** The API root this client talks to. */
  declare readonly baseUrl: string

  constructor(options: PayfectOptions) {
    if (typeof options !== 'object' || options === null) {
      throw new PayfectConfigurationError({ message: 'new Payfect(options) needs an options object: new Payfect({ apiKey: process.env.PAYFECT_API_KEY })' })
    }
    const apiKey = checkApiKey(options.apiKey)
    this.baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL)
    const fetchFn = options.fetch ?? globalThis.fetch?.bind(globalThis)
    if (typeof fetchFn !== 'function') {
      throw new PayfectConfigurationError({ message: '`fetch` must be a function, and this runtime has no global fetch: pass one as `new Payfect({ apiKey, fetch })`.' })
    }
    const call = { apiKey, baseUrl: this.baseUrl, fetch: fetchFn, timeoutMs: checkPositive('timeoutMs', options.timeoutMs ?? 30_000) }
    const retry = {
      maxRetries: checkCount('maxRetries', options.maxRetries ?? 2),
      retryBaseDelayMs: checkPositive('retryBaseDelayMs', options.retryBaseDelayMs ?? 500, true),
      retryMaxDelayMs: checkPositive('retryMaxDelayMs', options.retryMaxDelayMs ?? 8_000, true),
    }
    // A closure, not a field: the key is never enumerable, in JSON or shown by `util.inspect`.
    const http = {
      request: <T>(method: 'GET' | 'POST', path: string, body: unknown, requestOptions?: RequestOptions) =>
        requestWithRetries<T>(call, retry, method, path, body, requestOptions),
    }

    this.checkouts = {
      async create(params, requestOptions) {
        validateCheckoutCreateParams(params)
        return http.request<Checkout>('POST', '/checkouts/', params, requestOptions)
      },
      async retrieve(id, requestOptions) {
        validateId(id, 'GET /checkouts/{id}/')
        return http.request<Checkout>('GET', `/checkouts/${encodeURIComponent(id)}/`, undefined, requestOptions)
      },
    }
    this.products = {
      async create(params, requestOptions) {
        validateProductCreateParams(params)
        return http.request<Product>('POST', '/products/', params, requestOptions)
      },
    }
    this.prices = {
      async create(params, requestOptions) {
        validatePriceCreateParams(params)
        return http.request<Price>('POST', '/prices/', params, requestOptions)
      },
    }
    this.paymentLinks = {
      async create(params, requestOptions) {
        validatePaymentLinkCreateParams(params)
        return http.request<PaymentLink>('POST', '/payment-links/', params, requestOptions)
      },
    }
  }
}

function checkApiKey(apiKey: unknown): string {
  const fail = (problem: string) =>
    new PayfectConfigurationError({
      message: `Payfect: \`apiKey\` ${problem}. Pass your secret API key from the Payfect dashboard, e.g. new Payfect({ apiKey: process.env.PAYFECT_API_KEY }), on the server only.`,
    })
  if (apiKey === undefined || apiKey === null) throw fail('is missing (is the environment variable set?)')
  if (typeof apiKey !== 'string') throw fail(`must be a string (got a ${typeof apiKey})`)
  if (apiKey.trim() === '') throw fail('is empty (is the environment variable set?)')
  if (/^api-key\s/i.test(apiKey)) throw fail('starts with "Api-Key "; pass the key alone, the SDK adds the prefix')
  // Header values cannot carry these; a trailing newline from an env file is the usual culprit.
  if (!/^[\x21-\x7e]+$/.test(apiKey)) throw fail('contains spaces, line breaks or non-ASCII characters; copy the key again without them')
  return apiKey
}
