/** Every kind of failure the route reports; `type` in the envelope is one of these. */
export const wireErrorTypes = [
  'invalid_request_error',
  'authentication_error',
  'permission_error',
  'not_found_error',
  'rate_limit_error',
  'api_error',
  'connection_error',
  'configuration_error',
] as const

export type WireErrorType = (typeof wireErrorTypes)[number]

/** Per-field messages of an `invalid_request_error`: `items[0].quantity` → messages. */
export type WireFieldErrors = Record<string, string[]>

/** What the route says went wrong: one sentence naming the fix, and a stable `code` the README explains. */
export interface WireError {
  type: WireErrorType
  message: string
  /** A stable key (`cross_origin`, `missing_public_origin`…), when the route has one for this refusal. */
  code?: string
  fields?: WireFieldErrors
}

/** The body of every non-2xx answer of the route: `{ "error": { type, message, code?, fields? } }`. */
export interface ErrorEnvelope {
  error: WireError
}

/** `true` for a string the route may send as `type`. */
export function isWireErrorType(value: unknown): value is WireErrorType {
  return typeof value === 'string' && (wireErrorTypes as readonly string[]).includes(value)
}

/** The envelope's error, or `undefined` when `value` is not one. An unknown `type` reads as `api_error`. */
export function readErrorEnvelope(value: unknown): WireError | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const error = (value as { error?: unknown }).error
  if (typeof error !== 'object' || error === null) return undefined
  const { type, message, code, fields } = error as Record<string, unknown>
  if (typeof message !== 'string') return undefined
  const read: WireError = { type: isWireErrorType(type) ? type : 'api_error', message }
  if (typeof code === 'string') read.code = code
  if (isFieldErrors(fields)) read.fields = fields
  return read
}

function isFieldErrors(value: unknown): value is WireFieldErrors {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((messages) => Array.isArray(messages) && messages.every((message) => typeof message === 'string'))
  )
}
