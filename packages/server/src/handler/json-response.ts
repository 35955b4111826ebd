import type { FieldErrors, PayfectErrorType } from '../errors'
import { jsonAnswer } from '../request-fast-path'

/** The body of every refusal the route handler sends: `{ error: { type, message, fields? } }`. */
export interface CheckoutErrorBody {
  error: { type: PayfectErrorType; message: string; fields?: FieldErrors }
}

/**
 * A JSON answer. Every answer carries `Cache-Control: no-store`: a checkout URL
 * or status cached by a proxy or the browser would be shown to the wrong shopper
 * or go stale while polling.
 */
export function jsonResponse(status: number, body: unknown, headers?: Record<string, string>, request?: Request): Response {
  return jsonAnswer(request, status, JSON.stringify(body), {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
}

/** A refusal in the handler's error shape. */
export function errorResponse(
  status: number,
  error: CheckoutErrorBody['error'],
  headers?: Record<string, string>,
  request?: Request,
): Response {
  const body: CheckoutErrorBody = {
    error: error.fields ? { type: error.type, message: error.message, fields: error.fields } : { type: error.type, message: error.message },
  }
  return jsonResponse(status, body, headers, request)
}
