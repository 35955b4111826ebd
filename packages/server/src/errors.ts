/**
 * The error tree of `@payfect/server`. Every failure the SDK reports is a
 * `PayfectError`; the subclass says what kind, `type` says it as a string that
 * survives JSON, and the message names the cause and the fix. No message, field
 * or `raw` value ever holds an API key or a webhook secret.
 */

/** A machine-readable kind, stable across versions; also sent to browsers by the route handler. */
export type PayfectErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'rate_limit_error'
  | 'api_error'
  | 'connection_error'
  | 'configuration_error'
  | 'signature_error'

/** Field errors as Django REST Framework returns them: a dotted/indexed path to messages. */
export type FieldErrors = Record<string, string[]>

export interface PayfectErrorInit {
  message: string
  status?: number | undefined
  fields?: FieldErrors | undefined
  raw?: unknown
  requestId?: string | undefined
  cause?: unknown
  /** A stable key the README explains (`cross_origin`, `missing_public_origin`…). */
  code?: string | undefined
}

// Declared fields, assigned in the constructor: an ES2020 edge build turns class fields into helper calls.
export class PayfectError extends Error {
  declare readonly name: string
  declare readonly type: PayfectErrorType
  /** The HTTP status Payfect answered with, when there was an answer. */
  declare readonly status: number | undefined
  /** Per-field messages, for validation errors (`invoice_items[0].quantity`). */
  declare readonly fields: FieldErrors | undefined
  /** The parsed response body (or its text), for debugging. Never holds the API key. */
  declare readonly raw: unknown
  /** Payfect's request id, when the response carried one (`X-Request-Id`). */
  declare readonly requestId: string | undefined
  /** A stable key for this refusal, explained in the README; `undefined` for upstream errors. */
  declare readonly code: string | undefined

  constructor(init: PayfectErrorInit, type: PayfectErrorType = 'api_error', name = 'PayfectError') {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    Object.assign(this, { name, type, status: init.status, fields: init.fields, raw: init.raw, requestId: init.requestId, code: init.code })
  }

  /** What the route sends to browsers (the contract's `WireError`): no `raw`, nothing upstream-specific. */
  toJSON(): { type: PayfectErrorType; message: string; code?: string; fields?: FieldErrors } {
    const json: { type: PayfectErrorType; message: string; code?: string; fields?: FieldErrors } = { type: this.type, message: this.message }
    if (this.code) json.code = this.code
    if (this.fields) json.fields = this.fields
    return json
  }
}

/** 400: the request was malformed or a field is missing or invalid. See `fields`. */
export class PayfectInvalidRequestError extends PayfectError {
  declare readonly type: 'invalid_request_error'
  constructor(init: PayfectErrorInit) {
    super(init, 'invalid_request_error', 'PayfectInvalidRequestError')
  }
}

/** 401: no API key, or one Payfect does not know. */
export class PayfectAuthenticationError extends PayfectError {
  declare readonly type: 'authentication_error'
  constructor(init: PayfectErrorInit) {
    super(init, 'authentication_error', 'PayfectAuthenticationError')
  }
}

/** 403: the key is valid but may not touch this resource. */
export class PayfectPermissionError extends PayfectError {
  declare readonly type: 'permission_error'
  constructor(init: PayfectErrorInit) {
    super(init, 'permission_error', 'PayfectPermissionError')
  }
}

/** 404: no such resource (for this merchant). */
export class PayfectNotFoundError extends PayfectError {
  declare readonly type: 'not_found_error'
  constructor(init: PayfectErrorInit) {
    super(init, 'not_found_error', 'PayfectNotFoundError')
  }
}

/** 429: too many requests; retried automatically for GET. */
export class PayfectRateLimitError extends PayfectError {
  declare readonly type: 'rate_limit_error'
  constructor(init: PayfectErrorInit) {
    super(init, 'rate_limit_error', 'PayfectRateLimitError')
  }
}

/** 5xx, or an answer that is not the JSON Payfect sends. */
export class PayfectAPIError extends PayfectError {
  declare readonly type: 'api_error'
  constructor(init: PayfectErrorInit) {
    super(init, 'api_error', 'PayfectAPIError')
  }
}

/** No answer: DNS, refused connection, reset, or the timeout ran out. */
export class PayfectConnectionError extends PayfectError {
  declare readonly type: 'connection_error'
  /** True when the request provably never reached the server (so a POST may be retried). */
  declare readonly notSent: boolean
  /** True when our own timeout aborted the request. */
  declare readonly timedOut: boolean
  constructor(init: PayfectErrorInit & { notSent?: boolean; timedOut?: boolean }) {
    super(init, 'connection_error', 'PayfectConnectionError')
    Object.assign(this, { notSent: init.notSent ?? false, timedOut: init.timedOut ?? false })
  }
}

/** The SDK was set up wrongly (a missing API key, a bad base URL, a bad option). */
export class PayfectConfigurationError extends PayfectError {
  declare readonly type: 'configuration_error'
  constructor(init: PayfectErrorInit) {
    super(init, 'configuration_error', 'PayfectConfigurationError')
  }
}

/** Why a webhook signature was refused. */
export type SignatureFailureReason = 'missing' | 'malformed' | 'bad_secret' | 'bad_hmac' | 'expired' | 'future' | 'mismatch'

/** A webhook whose `X-Payfect-Signature` could not be trusted. Nothing in it should be acted upon. */
export class PayfectSignatureError extends PayfectError {
  declare readonly type: 'signature_error'
  declare readonly reason: SignatureFailureReason

  constructor(reason: SignatureFailureReason, message: string, cause?: unknown) {
    super({ message, status: 400, cause }, 'signature_error', 'PayfectSignatureError')
    this.reason = reason
  }
}

export interface ErrorResponse {
  status: number
  /** The parsed JSON body, or the body's text when it was not JSON. */
  body: unknown
  /** True when `body` is parsed JSON. */
  json: boolean
  requestId?: string | undefined
  /** `POST /checkouts/`, for the message. */
  operation: string
}

type ErrorClass = new (init: PayfectErrorInit) => PayfectError

// Per status: the class, what Payfect said when it gave no `detail`, and the fix.
const BY_STATUS: Record<number, [ErrorClass, string, string]> = {
  400: [PayfectInvalidRequestError, 'invalid request', 'Fix the fields in `error.fields`.'],
  401: [PayfectAuthenticationError, 'authentication failed', 'Use a valid secret API key for this environment.'],
  403: [PayfectPermissionError, 'permission denied', 'Use the API key of the merchant that owns this resource.'],
  404: [PayfectNotFoundError, 'not found', "Check the id, and that it belongs to this key's merchant and mode (test or live)."],
  429: [PayfectRateLimitError, 'too many requests', 'Retry after a pause.'],
}

/**
 * The one factory that turns an HTTP failure into the right `PayfectError`.
 * DRF bodies come as `{"detail": "..."}` or `{"field": ["msg", ...], "nested": {"0": {...}}}`.
 */
export function errorFromResponse({ status, body, json, requestId, operation }: ErrorResponse): PayfectError {
  const fields = json && status === 400 ? readFields(body) : undefined
  let [Kind, what, fix] = BY_STATUS[status] ?? [PayfectAPIError, 'Payfect failed', status >= 500 ? "The fault is on Payfect's side; retry later." : 'Check the request.']
  if (status >= 300 && status < 400) {
    ;[Kind, what, fix] = [PayfectAPIError, 'a redirect, not followed so the key goes nowhere else', 'Check `baseUrl`.']
  } else if (!json) {
    ;[Kind, what, fix] = [PayfectAPIError, status < 300 ? 'not the JSON object Payfect sends' : 'a body that is not JSON', 'Retry later; if it persists, check `baseUrl`.']
  } else {
    const detail = (body as { detail?: unknown } | null)?.detail
    what = (typeof detail === 'string' ? detail : fields && describeFields(fields)) || what
  }
  return new Kind({ message: `${operation} answered ${status}: ${what}. ${fix}`, status, raw: body, requestId, fields })
}

/** Flattens DRF's nested field errors into `a.b[0].c` paths. */
export function readFields(body: unknown, prefix = ''): FieldErrors | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined
  const out: FieldErrors = {}
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === 'detail' && !prefix) continue
    const path = /^\d+$/.test(key) ? `${prefix}[${key}]` : prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out[path] = [value]
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[path] = value as string[]
    else if (Array.isArray(value)) value.forEach((v, i) => Object.assign(out, readFields(v, `${path}[${i}]`)))
    else Object.assign(out, readFields(value, path))
  }
  return Object.keys(out).length > 0 ? out : undefined
}

/** `items[3].quantity: must be …; items[4].price: …`: the first `max` fields, for a message. */
export function describeFields(fields: FieldErrors, max = 3): string {
  const entries = Object.entries(fields)
  const shown = entries.slice(0, max).map(([path, messages]) => (path ? `${path}: ` : '') + messages.join(' '))
  if (entries.length > max) shown.push(`${entries.length - max} more in \`error.fields\``)
  return shown.join('; ')
}

/** The SDK's one way to say it was set up wrongly. */
export const configError = (message: string, code?: string): PayfectConfigurationError => new PayfectConfigurationError({ message, code })
