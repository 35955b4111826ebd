import type { FieldErrors, PayfectErrorType } from '../errors'

/** The body of every refusal the route handler sends: `{ error: { type, message, fields? } }`. */
export interface CheckoutErrorBody {
  error: { type: PayfectErrorType; message: string; fields?: FieldErrors }
}

/**
 * A JSON answer. Every answer carries `Cache-Control: no-store`: a checkout URL
 * or status cached by a proxy or the browser would be shown to the wrong shopper
 * or go stale while polling.
 */
export function jsonResponse(status: number, body: unknown, headers?: HeadersInit): Response {
  const h = new Headers(headers)
  h.set('content-type', 'application/json; charset=utf-8')
  h.set('cache-control', 'no-store')
  h.set('x-content-type-options', 'nosniff')
  return new Response(JSON.stringify(body), { status, headers: h })
}

/** A refusal in the handler's error shape. */
export function errorResponse(
  status: number,
  error: CheckoutErrorBody['error'],
  headers?: HeadersInit,
): Response {
  const body: CheckoutErrorBody = {
    error: error.fields ? { type: error.type, message: error.message, fields: error.fields } : { type: error.type, message: error.message },
  }
  return jsonResponse(status, body, headers)
}
