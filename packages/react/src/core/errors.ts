/** The kinds of failure the checkout route handler reports, plus the browser's own. */
export type CheckoutErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'rate_limit_error'
  | 'api_error'
  | 'connection_error'
  | 'configuration_error'
  /** The browser could not reach the merchant's endpoint at all. */
  | 'network_error'

/** Per-field messages for `invalid_request_error` (`items[0].quantity` → messages). */
export type CheckoutFieldErrors = Record<string, string[]>

export interface CheckoutErrorInit {
  type: CheckoutErrorType
  message: string
  status?: number | undefined
  fields?: CheckoutFieldErrors | undefined
  cause?: unknown
}

/**
 * Every failure `@payfect/react` reports. `type` says what kind (the route
 * handler's own type when it sent one), `status` the HTTP status when there was
 * an answer, `fields` the per-field messages of a validation error.
 *
 * @example
 * ```ts
 * if (error instanceof CheckoutError && error.type === 'invalid_request_error') {
 *   console.log(error.fields)
 * }
 * ```
 */
export class CheckoutError extends Error {
  // `declare`d and set in the constructor: no class-field helpers in older build targets.
  declare readonly type: CheckoutErrorType
  declare readonly status: number | undefined
  declare readonly fields: CheckoutFieldErrors | undefined

  constructor(init: CheckoutErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.name = 'CheckoutError'
    this.type = init.type
    this.status = init.status
    this.fields = init.fields
  }
}

// Every CheckoutErrorType but the fallback, `api_error`, without its `_error` suffix.
const knownTypes = 'invalid_request authentication permission not_found rate_limit connection configuration network'.split(' ')

/** Narrows a string from the wire to a known type; anything else becomes `api_error`. */
export function toCheckoutErrorType(value: unknown): CheckoutErrorType {
  return typeof value === 'string' && knownTypes.includes(value.replace(/_error$/, '')) && value.endsWith('_error') ? (value as CheckoutErrorType) : 'api_error'
}

/** Wraps whatever a custom `createCheckout` threw, so callers always get a `CheckoutError`. */
export function toCheckoutError(error: unknown): CheckoutError {
  if (error instanceof CheckoutError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new CheckoutError({ type: 'api_error', message: `Creating the checkout failed: ${message}`, cause: error })
}
