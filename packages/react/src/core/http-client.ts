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

const statuses = new Set(['open', 'complete', 'expired'])

/** Validates a 2xx body: the fields the components rely on must be there. */
function toCheckout(body: unknown, endpoint: string, status: number): Checkout {
  const value = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const missing = ['id', 'url', 'amountTotal', 'currency'].filter((key) => typeof value[key] !== 'string')
  if (!statuses.has(value.status as string)) missing.push('status')
  if (missing.length > 0) {
    throw new CheckoutError({
      type: 'api_error',
      status,
      message:
        `${endpoint} answered ${status} but the body is not checkout JSON (missing or invalid: ${missing.join(', ')}). ` +
        'Is `endpoint` pointing at the route made with createCheckoutHandler from @payfect/server, rather than a page?',
    })
  }
  return {
    ...(value as unknown as Checkout),
    expiresAt: value.expiresAt === undefined || value.expiresAt === null ? '' : String(value.expiresAt),
  }
}

/** Maps a non-2xx answer to a `CheckoutError`, keeping the handler's own type and message. */
function toError(body: unknown, endpoint: string, status: number): CheckoutError {
  const error = (body as { error?: { type?: unknown; message?: unknown; fields?: unknown } } | null)?.error
  if (error && typeof error.message === 'string') {
    const fields = typeof error.fields === 'object' && error.fields !== null ? (error.fields as CheckoutFieldErrors) : undefined
    return new CheckoutError({ type: toCheckoutErrorType(error.type), message: error.message, status, fields })
  }
  return new CheckoutError({
    type: 'api_error',
    status,
    message:
      `${endpoint} answered ${status} without a checkout error body ({ error: { type, message } }). ` +
      'Check that the route exists and is handled by createCheckoutHandler from @payfect/server.',
  })
}

/**
 * The browser side of the merchant's route handler. Sends same-origin cookies,
 * JSON in and out, and turns every failure into a `CheckoutError` whose message
 * names the cause and the fix.
 */
export function createCheckoutClient(options: HttpClientOptions): CheckoutClient {
  const { endpoint } = options

  async function request(url: string, init: RequestInit): Promise<Checkout> {
    const doFetch = options.fetch ?? globalThis.fetch
    const extra = typeof options.headers === 'function' ? options.headers() : options.headers
    const headers = new Headers(extra)
    headers.set('Accept', 'application/json')
    if (init.body !== undefined) headers.set('Content-Type', 'application/json')
    let response: Response
    try {
      response = await doFetch(url, { credentials: 'same-origin', ...init, headers })
    } catch (cause) {
      throw new CheckoutError({
        type: 'network_error',
        cause,
        message: `Could not reach ${endpoint} (${cause instanceof Error ? cause.message : String(cause)}). Is the server running and the route handler mounted at that path?`,
      })
    }
    const body: unknown = await response.json().catch(() => undefined)
    if (!response.ok) throw toError(body, endpoint, response.status)
    return toCheckout(body, endpoint, response.status)
  }

  return {
    create(params) {
      return request(endpoint, { method: 'POST', body: JSON.stringify(params) })
    },
    retrieve(id) {
      const separator = endpoint.includes('?') ? '&' : '?'
      return request(`${endpoint}${separator}id=${encodeURIComponent(id)}`, { method: 'GET' })
    },
  }
}
