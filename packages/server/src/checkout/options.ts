import type { Payment } from '@payfect/contract'
import type { PayfectEnv } from '../environment'
import type { CurrencyCode, InvoiceItemParams } from '../types'
import type { Catalog } from './catalog'
import type { RequestedItem, ValidatedCheckoutBody } from './checkout-request-body'

/**
 * A URL sent to Payfect: absolute, a path resolved against `publicOrigin` (`'/thanks'`), or a
 * function of the request and the validated body (whose `clientReferenceId` is the one sent).
 */
export type UrlOption = string | ((request: Request, body: ValidatedCheckoutBody) => string | Promise<string>)

/**
 * Options of `createCheckoutHandler`. Say what may be sold (`catalog`, `allowPriceIds` or
 * `resolveItems`); the rest comes from the environment when left out (see the README's table).
 */
export interface CheckoutHandlerOptions {
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
   * The shop's public origin: relative URLs resolve against it and browser `Origin`s must match it.
   * Never taken from `Host`. In development, or against the sandbox, a loopback request origin stands in when unset.
   * @defaultValue `PAYFECT_PUBLIC_ORIGIN`
   * @example publicOrigin: 'https://shop.example'
   */
  publicOrigin?: string | undefined
  /**
   * The origin your API base's checkout pages live on, when the base is neither Payfect's
   * (then `https://buy.payfect.finance` / `https://buy-dev.payfect.finance`) nor loopback (its own origin).
   * @defaultValue derived from the API base
   * @example hostedOrigin: 'https://pay.staging.example'
   */
  hostedOrigin?: string | undefined
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
  /**
   * How long one Payfect call may take, answer included; never retried.
   * @defaultValue 15000
   */
  timeoutMs?: number | undefined
  /**
   * What the shop sells, keyed by the `price` the browser sends; checked when the handler is created.
   * @example catalog: { 'pro-plan': { name: 'Pro plan', unitAmount: '20.00', currency: 'usdt' } }
   */
  catalog?: Catalog | undefined
  /**
   * Also accept Payfect price ids as `price`: then **any** price of the account may be bought here.
   * @defaultValue false
   */
  allowPriceIds?: boolean | undefined
  /**
   * Your own lookup in place of `catalog`: map the validated items to invoice items. Throw a
   * `PayfectInvalidRequestError` to refuse one (400 with its message); anything else is a 5xx.
   * @example resolveItems: async (items) => items.map(({ price, quantity }) => ({ price_data: await priceOf(price), quantity }))
   */
  resolveItems?: ((items: RequestedItem[], request: Request) => InvoiceItemParams[] | Promise<InvoiceItemParams[]>) | undefined
  /**
   * The checkout currency when no item carries one (all are Payfect price ids).
   * @defaultValue `'usdt'`
   */
  currency?: CurrencyCode | undefined
  /**
   * Where the hosted page sends the shopper after paying; must be http(s).
   * @example successUrl: '/checkout/success'
   */
  successUrl?: UrlOption | undefined
  /**
   * Where the hosted page sends a shopper who steps away; must be http(s).
   * @example cancelUrl: '/cart'
   */
  cancelUrl?: UrlOption | undefined
  /**
   * Where Payfect POSTs the signed callback.
   * @defaultValue the callback URL set in the Payfect dashboard
   * @example callbackUrl: '/api/payfect/webhook'
   */
  callbackUrl?: UrlOption | undefined
  /**
   * Sets the order id on the server; wins over the body's, which a shopper could set to anything.
   * @defaultValue the body's `clientReferenceId`
   * @example clientReferenceId: async (request) => (await getSession(request)).cartId
   */
  clientReferenceId?: ((request: Request, body: ValidatedCheckoutBody) => string | undefined | Promise<string | undefined>) | undefined
  /**
   * Returns the id of the order's open checkout, if it has one, so a reload or a second click
   * reuses it instead of creating a second checkout for one order. A checkout that is no longer
   * open (or belongs to another order) is ignored and a new one is created.
   * @example findOpenCheckout: async (orderId) => (await db.orders.find(orderId))?.checkoutId
   */
  findOpenCheckout?: ((clientReferenceId: string, request: Request) => string | null | undefined | Promise<string | null | undefined>) | undefined
  /**
   * Called when a status read (`GET ?id=`) sees `complete`, with the same `Payment` the webhook
   * handler's `onPayment` gets: a lost callback is healed by the shopper's poll. Make it
   * idempotent on `payment.checkoutId`, and check `amount` and `currency` against the order.
   */
  onPayment?: ((payment: Payment, request: Request) => void | Promise<void>) | undefined
  /**
   * Other origins whose pages may create checkouts (`publicOrigin` always may); they get CORS headers.
   * @defaultValue `[]`
   * @example allowedOrigins: ['https://app.example']
   */
  allowedOrigins?: string[] | undefined
  /**
   * Told every 5xx with the full error (the browser gets a generic message), and in production every refusal.
   * @defaultValue logs with `console.error`, prefixed `[@payfect/server]`
   */
  onError?: ((error: unknown, request: Request) => void) | undefined
}
