import type { CheckoutsResource } from '../client'
import type { CurrencyCode, InvoiceItemParams } from '../types'
import type { Catalog } from './catalog'
import type { RequestedItem, ValidatedCheckoutBody } from './checkout-request-body'
import type { UrlOption } from './url-option'

/** The part of a `Payfect` client the handler uses; any object with these two methods will do. */
export interface CheckoutsApi {
  checkouts: Pick<CheckoutsResource, 'create' | 'retrieve'>
}

/**
 * Options of `createCheckoutHandler`. Give exactly one of `apiKey` and `payfect`,
 * and say what may be sold: a `catalog`, `allowPriceIds`, or `resolveItems`.
 */
export interface CheckoutHandlerOptions {
  /**
   * Your secret Payfect API key; the handler makes its own client with it. Give this or `payfect`.
   * It never reaches a browser, a response or a log line.
   *
   * @defaultValue none: give this or `payfect`
   * @example createCheckoutHandler({ apiKey: process.env.PAYFECT_API_KEY, catalog })
   */
  apiKey?: string | undefined
  /**
   * The API root for the client made from `apiKey`; point it at the local sandbox in development.
   *
   * @defaultValue `'https://api.payfect.finance/api/v1'`
   * @example createCheckoutHandler({ apiKey, baseUrl: 'http://127.0.0.1:4010/api/v1', catalog })
   */
  baseUrl?: string | undefined
  /**
   * A ready client, e.g. to share one or set its `timeoutMs`. Give this or `apiKey`.
   *
   * @defaultValue none: a client is made from `apiKey`
   * @example createCheckoutHandler({ payfect: new Payfect({ apiKey, timeoutMs: 10_000 }), catalog })
   */
  payfect?: CheckoutsApi | undefined
  /**
   * What the shop sells and at what price, keyed by the `price` the browser sends.
   * Checked when the handler is created: a malformed entry throws a
   * `PayfectConfigurationError` naming it.
   *
   * @defaultValue none: then give `allowPriceIds` or `resolveItems`
   * @example catalog: { 'pro-plan': { name: 'Pro plan', unitAmount: '20.00', currency: 'usdt' } }
   */
  catalog?: Catalog | undefined
  /**
   * Also accept Payfect price ids (made with `payfect.prices.create`) as `price`.
   * The amount is then fixed at Payfect, but **a shopper may pick any of your
   * Payfect prices**, including ones not on sale on this site. Leave it off unless
   * every price of the account may be bought here.
   *
   * @defaultValue false
   * @example createCheckoutHandler({ apiKey, allowPriceIds: true })
   */
  allowPriceIds?: boolean | undefined
  /**
   * Your own catalog lookup, in place of `catalog` and `allowPriceIds`: map the
   * validated items (duplicates merged) to invoice items. May be async. Throw a
   * `PayfectInvalidRequestError` (its `message` and `fields` are sent to the browser
   * with 400) for an item that may not be bought; any other error is passed to
   * `onError` and answered with a 5xx.
   *
   * @defaultValue none: items are looked up in `catalog`
   * @example
   * resolveItems: async (items) => Promise.all(items.map(async ({ price, quantity }) => {
   *   const product = await db.products.find(price)
   *   if (!product) throw new PayfectInvalidRequestError({ message: `Unknown product ${price}.` })
   *   return { price_data: { currency: 'usdt', unit_amount: product.price, product_data: { name: product.name } }, quantity }
   * }))
   */
  resolveItems?: ((items: RequestedItem[], request: Request) => InvoiceItemParams[] | Promise<InvoiceItemParams[]>) | undefined
  /**
   * The checkout currency when no item carries one (all items are Payfect price ids).
   * Otherwise the items' own currency is used.
   *
   * @defaultValue `'usdt'`
   * @example createCheckoutHandler({ apiKey, allowPriceIds: true, currency: 'usdt' })
   */
  currency?: CurrencyCode | undefined
  /**
   * Where the hosted page sends the shopper after paying. Absolute, relative to the
   * request's origin, or a function of the request and the validated body.
   *
   * @defaultValue none: Payfect's default
   * @example successUrl: '/checkout/success'
   * @example successUrl: (request, body) => `/orders/${body.clientReferenceId}/thanks`
   */
  successUrl?: UrlOption | undefined
  /**
   * Where the hosted page sends a shopper who gives up. Same forms as `successUrl`.
   *
   * @defaultValue none: Payfect's default
   * @example cancelUrl: '/cart'
   */
  cancelUrl?: UrlOption | undefined
  /**
   * Where Payfect POSTs the signed success callback. Same forms as `successUrl`; prefer
   * an absolute URL in production, since a relative one follows the request's `Host`.
   *
   * @defaultValue none: the callback URL set in the Payfect dashboard
   * @example callbackUrl: 'https://shop.example/api/payfect/webhook'
   */
  callbackUrl?: UrlOption | undefined
  /**
   * Sets the checkout's `client_reference_id` (your order id) on the server. When given,
   * it wins over a `clientReferenceId` in the body, which a shopper could set to anything.
   * Return `undefined` for none.
   *
   * @defaultValue the body's `clientReferenceId`, if any
   * @example clientReferenceId: async (request) => (await getSession(request)).cartId
   */
  clientReferenceId?: ((request: Request, body: ValidatedCheckoutBody) => string | undefined | Promise<string | undefined>) | undefined
  /**
   * Other origins whose pages may create checkouts (the site's own origin always may).
   * Requests from them get CORS headers, and their preflight is answered.
   * A browser POST from any other origin is refused with 403. Behind a proxy that
   * rewrites the host or scheme, the request URL the handler sees may not be the public
   * origin: list the public origin here, or use `toNodeHandler(handler, { trustProxy: true })`.
   *
   * @defaultValue `[]`: same origin only
   * @example allowedOrigins: ['https://shop.example', 'http://localhost:5173']
   */
  allowedOrigins?: string[] | undefined
  /**
   * Called with the full error whenever the handler answers 5xx (the browser gets a
   * generic message). Use it to log or report. Errors of the SDK never hold the API key.
   *
   * @defaultValue logs with `console.error`, prefixed `[@payfect/server]`
   * @example onError: (error, request) => logger.error({ err: error, url: request.url }, 'checkout failed')
   */
  onError?: ((error: unknown, request: Request) => void) | undefined
}
