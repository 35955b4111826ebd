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
}

export class PayfectError extends Error {
  override readonly name: string = 'PayfectError'
  readonly type: PayfectErrorType = 'api_error'
  /** The HTTP status Payfect answered with, when there was an answer. */
  readonly status: number | undefined
  /** Per-field messages, for validation errors (`invoice_items[0].quantity`). */
  readonly fields: FieldErrors | undefined
  /** The parsed response body (or its text), for debugging. Never holds the API key. */
  readonly raw: unknown
  /** Payfect's request id, when the response carried one (`X-Request-Id`). */
  readonly requestId: string | undefined

  constructor(init: PayfectErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.status = init.status
    this.fields = init.fields
    this.raw = init.raw
    this.requestId = init.requestId
  }

  /** The shape the route handler sends to browsers: no `raw`, nothing upstream-specific. */
  toJSON(): { type: PayfectErrorType; message: string; fields?: FieldErrors } {
    return this.fields ? { type: this.type, message: this.message, fields: this.fields } : { type: this.type, message: this.message }
  }
}

/** 400: the request was malformed or a field is missing or invalid. See `fields`. */
export class PayfectInvalidRequestError extends PayfectError {
  override readonly name = 'PayfectInvalidRequestError'
  override readonly type = 'invalid_request_error'
}

/** 401: no API key, or one Payfect does not know. */
export class PayfectAuthenticationError extends PayfectError {
  override readonly name = 'PayfectAuthenticationError'
  override readonly type = 'authentication_error'
}

/** 403: the key is valid but may not touch this resource. */
export class PayfectPermissionError extends PayfectError {
  override readonly name = 'PayfectPermissionError'
  override readonly type = 'permission_error'
}

/** 404: no such resource (for this merchant). */
export class PayfectNotFoundError extends PayfectError {
  override readonly name = 'PayfectNotFoundError'
  override readonly type = 'not_found_error'
}

/** 429: too many requests; retried automatically for GET. */
export class PayfectRateLimitError extends PayfectError {
  override readonly name = 'PayfectRateLimitError'
  override readonly type = 'rate_limit_error'
}

/** 5xx, or an answer that is not the JSON Payfect sends. */
export class PayfectAPIError extends PayfectError {
  override readonly name = 'PayfectAPIError'
  override readonly type = 'api_error'
}

/** No answer: DNS, refused connection, reset, or the timeout ran out. */
export class PayfectConnectionError extends PayfectError {
  override readonly name = 'PayfectConnectionError'
  override readonly type = 'connection_error'
  /** True when the request provably never reached the server (so a POST may be retried). */
  readonly notSent: boolean
  /** True when our own timeout aborted the request. */
  readonly timedOut: boolean

  constructor(init: PayfectErrorInit & { notSent?: boolean; timedOut?: boolean }) {
    super(init)
    this.notSent = init.notSent ?? false
    this.timedOut = init.timedOut ?? false
  }
}

/** The SDK was set up wrongly (a missing API key, a bad base URL, a bad option). */
export class PayfectConfigurationError extends PayfectError {
  override readonly name = 'PayfectConfigurationError'
  override readonly type = 'configuration_error'
}

/** Why a webhook signature was refused. */
export type SignatureFailureReason = 'missing' | 'malformed' | 'bad_secret' | 'bad_hmac' | 'expired' | 'future' | 'mismatch'

/** A webhook whose `X-Payfect-Signature` could not be trusted. Nothing in it should be acted upon. */
export class PayfectSignatureError extends PayfectError {
  override readonly name = 'PayfectSignatureError'
  override readonly type = 'signature_error'
  readonly reason: SignatureFailureReason

  constructor(reason: SignatureFailureReason, message: string, cause?: unknown) {
    super({ message, status: 400, cause })
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

/**
 * The one factory that turns an HTTP failure into the right `PayfectError`.
 * DRF bodies come as `{"detail": "..."}` or `{"field": ["msg", ...], "nested": {"0": {...}}}`.
 */
export function errorFromResponse(res: ErrorResponse): PayfectError {
  const { status, body, json, requestId, operation } = res
  const detail = json ? readDetail(body) : undefined
  const fields = json && status === 400 ? readFields(body) : undefined
  const at = `${operation} answered ${status}`
  const base = { status, raw: body, requestId, fields }

  if (status >= 300 && status < 400) {
    return new PayfectAPIError({
      ...base,
      message: `${at}, a redirect. Redirects are not followed, so the API key is never sent elsewhere; check \`baseUrl\` (it should be like https://api.payfect.finance/api/v1).`,
    })
  }
  if (!json) {
    const what = status >= 200 && status < 300 ? 'with a body that is not the JSON object Payfect sends' : 'with a body that is not JSON'
    return new PayfectAPIError({
      ...base,
      message: `${at} ${what}. Payfect or a proxy in between failed; retry later, and check \`baseUrl\` if it persists.`,
    })
  }
  switch (status) {
    case 400:
      return new PayfectInvalidRequestError({
        ...base,
        message: `${at}: ${detail ?? describeFields(fields) ?? 'the request was invalid'}. Fix the request fields named in \`error.fields\`.`,
      })
    case 401:
      return new PayfectAuthenticationError({
        ...base,
        message: `${at}: ${detail ?? 'authentication failed'}. Check that the API key is a valid secret key for this environment (it is sent as \`Authorization: Api-Key <key>\`).`,
      })
    case 403:
      return new PayfectPermissionError({
        ...base,
        message: `${at}: ${detail ?? 'permission denied'}. The API key is valid but may not access this resource; use the key of the merchant that owns it.`,
      })
    case 404:
      return new PayfectNotFoundError({
        ...base,
        message: `${at}: ${detail ?? 'not found'}. Check the id, and that it belongs to this API key's merchant and mode (test or live).`,
      })
    case 429:
      return new PayfectRateLimitError({
        ...base,
        message: `${at}: ${detail ?? 'too many requests'}. Slow down and retry after a pause.`,
      })
    default:
      return new PayfectAPIError({
        ...base,
        message: `${at}: ${detail ?? 'Payfect failed to process the request'}. ${status >= 500 ? 'This is on Payfect’s side; retry later.' : 'An unexpected status; check the request.'}`,
      })
  }
}

function readDetail(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'detail' in body && typeof body.detail === 'string') return body.detail
  return undefined
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
    else if (Array.isArray(value)) {
      value.forEach((v, i) => {
        if (v && typeof v === 'object' && Object.keys(v).length > 0) Object.assign(out, readFields(v, `${path}[${i}]`))
      })
    } else Object.assign(out, readFields(value, path))
  }
  return Object.keys(out).length > 0 ? out : undefined
}

function describeFields(fields: FieldErrors | undefined): string | undefined {
  if (!fields) return undefined
  return Object.entries(fields)
    .map(([path, messages]) => `${path}: ${messages.join(' ')}`)
    .join('; ')
}
