import { createRequestKey, readErrorEnvelope, routeQuery, type EmbeddableAnswer } from '@payfect/contract'
import { CheckoutError, toCheckoutError } from './errors'
import { noteArrival } from './expiry'
import { readCheckout } from './read-checkout'
import type { Checkout, CreateCheckoutParams } from './types'

/** How to reach the merchant's checkout route, or what replaces it. */
export interface HttpClientOptions {
  endpoint: string
  fetch?: typeof globalThis.fetch | undefined
  headers?: HeadersInit | (() => HeadersInit) | undefined
  /** Replaces `POST {endpoint}`. */
  createCheckout?: ((params: CreateCheckoutParams) => Promise<Checkout>) | undefined
  /** Replaces `GET {endpoint}?id=`. */
  getCheckout?: ((id: string) => Promise<Checkout>) | undefined
  /** The provider's `checkoutOrigin`: when set, the only origin a checkout may live on. */
  pinnedOrigin?: string | undefined
}

export interface CheckoutClient {
  /** `POST {endpoint}`; the same request (items and `clientReferenceId`) shares one promise while in flight. */
  create(params: CreateCheckoutParams): Promise<Checkout>
  /** `GET {endpoint}?id=`: reads a checkout's current state. */
  retrieve(id: string): Promise<Checkout>
  /** `GET {endpoint}?embeddable`: the route's framing probe; `null` when it cannot tell (or is off). */
  embeddable(): Promise<boolean | null>
}

/**
 * The browser side of the merchant's route. Sends same-origin cookies, JSON in and out, reads
 * every answer as the contract's summary, and turns every failure into a `CheckoutError`: the
 * route's own (type, message, code, fields), or one whose message names the cause and the fix.
 */
export function createCheckoutClient(options: HttpClientOptions): CheckoutClient {
  const { endpoint, fetch, headers, pinnedOrigin } = options

  async function request(url: string, body?: string): Promise<unknown> {
    const sent = new Headers(typeof headers === 'function' ? headers() : headers)
    sent.set('Accept', 'application/json')
    if (body) sent.set('Content-Type', 'application/json')
    let response: Response
    try {
      response = await (fetch ?? globalThis.fetch)(url, { method: body ? 'POST' : 'GET', body, headers: sent, credentials: 'same-origin' })
    } catch (cause) {
      throw new CheckoutError({
        type: 'network_error',
        cause,
        message: `Could not reach ${endpoint} (${cause instanceof Error ? cause.message : String(cause)}). Is the server up and the route mounted at that path?`,
      })
    }
    const { ok, status } = response
    const json: unknown = await response.json().catch(() => undefined)
    const error = readErrorEnvelope(json)
    if (!ok && error) throw new CheckoutError({ ...error, status })
    if (!ok) {
      throw new CheckoutError({
        type: 'api_error',
        status,
        message: `${endpoint} answered ${status} with no { error: { type, message } } body. Is \`endpoint\` the route made with @payfect/server (not a page)?`,
      })
    }
    return json
  }

  // Every answer, from the endpoint or an override, is read against the contract before anyone sees it.
  const checked =
    <A,>(call: (arg: A) => Promise<unknown>) =>
    async (arg: A): Promise<Checkout> => {
      let value: unknown
      try {
        value = await call(arg)
      } catch (error) {
        throw toCheckoutError(error)
      }
      const read = readCheckout(value, pinnedOrigin)
      if ('checkout' in read) return noteArrival(read.checkout)
      throw new CheckoutError({
        type: 'api_error',
        message: `${endpoint} answered with no usable checkout (missing or invalid: ${read.problems.join(', ')}). Is \`endpoint\` the route made with @payfect/server?`,
      })
    }

  const create = checked(options.createCheckout ?? ((params: CreateCheckoutParams) => request(endpoint, JSON.stringify(params))))
  const query = (name: string, value?: string) => `${endpoint}${endpoint.includes('?') ? '&' : '?'}${name}${value === undefined ? '' : `=${encodeURIComponent(value)}`}`
  const retrieve = checked(options.getCheckout ?? ((id: string) => request(query(routeQuery.id, id))))
  const inFlight = new Map<string, Promise<Checkout>>()
  return {
    create(params) {
      // Only the same purchase shares a promise: another cart never gets this one's checkout.
      const key = createRequestKey(params)
      let pending = inFlight.get(key)
      if (!pending) {
        pending = create(params).finally(() => inFlight.delete(key))
        inFlight.set(key, pending)
      }
      return pending
    },
    retrieve,
    async embeddable() {
      const answer = (await request(query(routeQuery.embeddable)).catch(() => null)) as Partial<EmbeddableAnswer> | null
      return typeof answer?.embeddable === 'boolean' ? answer.embeddable : null
    },
  }
}
