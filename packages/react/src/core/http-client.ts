import { CheckoutError, toCheckoutErrorType, type CheckoutFieldErrors } from './errors'
import type { Checkout, CreateCheckoutParams } from './types'

/** How to reach the merchant's checkout route handler. */
export interface HttpClientOptions {
  endpoint: string
  fetch?: typeof globalThis.fetch | undefined
  headers?: HeadersInit | (() => HeadersInit) | undefined
}

export interface CheckoutClient {
  /** `POST {endpoint}`: creates a checkout. */
  create(params: CreateCheckoutParams): Promise<Checkout>
  /** `GET {endpoint}?id=`: reads a checkout's current state. */
  retrieve(id: string): Promise<Checkout>
}

const required = ['id', 'url', 'amountTotal', 'currency']
const statuses = ['open', 'complete', 'expired']

/**
 * The browser side of the merchant's route handler. Sends same-origin cookies,
 * JSON in and out, and turns every failure into a `CheckoutError`: the handler's own
 * (type, message, fields), or one whose message names the cause and the fix.
 */
export function createCheckoutClient({ endpoint, fetch, headers }: HttpClientOptions): CheckoutClient {
  async function request(url: string, body?: string): Promise<Checkout> {
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
        message: `Could not reach ${endpoint} (${cause instanceof Error ? cause.message : String(cause)}). Is the server up and the route handler mounted at that path?`,
      })
    }
    const { ok, status } = response
    const json: unknown = await response.json().catch(() => undefined)
    const value = (typeof json === 'object' && json) || {}
    const { error } = value as { error?: { type?: unknown; message?: unknown; fields?: unknown } }
    if (!ok && typeof error?.message === 'string') {
      const fields = typeof error.fields === 'object' && error.fields ? (error.fields as CheckoutFieldErrors) : undefined
      throw new CheckoutError({ type: toCheckoutErrorType(error.type), message: error.message, status, fields })
    }
    const checkout = value as Record<string, unknown>
    // A 2xx must carry the fields the components rely on.
    const missing = required.filter((key) => typeof checkout[key] !== 'string')
    if (!statuses.includes(checkout.status as string)) missing.push('status')
    if (!ok || missing.length) {
      throw new CheckoutError({
        type: 'api_error',
        status,
        message:
          `${endpoint} answered ${status} with ${ok ? `no checkout (missing or invalid: ${missing.join(', ')})` : 'no { error: { type, message } } body'}. ` +
          'Is `endpoint` the route made with createCheckoutHandler from @payfect/server (not a page)?',
      })
    }
    return { ...(checkout as unknown as Checkout), expiresAt: checkout.expiresAt == null ? '' : String(checkout.expiresAt) }
  }

  return {
    create: (params) => request(endpoint, JSON.stringify(params)),
    retrieve: (id) => request(`${endpoint}${endpoint.includes('?') ? '&' : '?'}id=${encodeURIComponent(id)}`),
  }
}
