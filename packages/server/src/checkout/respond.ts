import type { ErrorEnvelope, WireError } from '@payfect/contract'

/**
 * A JSON answer. Every one is `no-store`: a checkout URL or status kept by a proxy or the
 * browser would be shown to the wrong shopper or go stale while polling.
 */
export function jsonResponse(status: number, body: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
  })
}

/** The contract's error envelope: `{ error: { type, message, code?, fields? } }`. */
export function errorResponse(status: number, error: WireError, headers?: Record<string, string>): Response {
  const envelope: ErrorEnvelope = { error: { type: error.type, message: error.message } }
  if (error.code) envelope.error.code = error.code
  if (error.fields) envelope.error.fields = error.fields
  return jsonResponse(status, envelope, headers)
}
