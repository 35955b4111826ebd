import { isWireErrorType, type WireErrorType, type WireFieldErrors } from '@payfect/contract'

/** The kinds of failure the merchant's route reports (the contract's), plus the browser's own. */
export type CheckoutErrorType =
  | WireErrorType
  /** The browser could not reach the merchant's endpoint at all. */
  | 'network_error'

/** Per-field messages for `invalid_request_error` (`items[0].quantity` → messages). */
export type CheckoutFieldErrors = WireFieldErrors

export interface CheckoutErrorInit {
  type: CheckoutErrorType
  message: string
  status?: number | undefined
  /** The route's stable key for this refusal (`cross_origin`…), when it sent one. */
  code?: string | undefined
  fields?: CheckoutFieldErrors | undefined
  cause?: unknown
}

/**
 * Every failure `@payfect/react` reports. `type` says what kind (the route's own type when it
 * sent one), `status` the HTTP status when there was an answer, `code` the route's stable key
 * for the refusal, `fields` the per-field messages of a validation error.
 *
 * @example
 * ```ts
 * if (error instanceof CheckoutError && error.type === 'invalid_request_error') {
 *   console.log(error.fields)
 * }
 * ```
 */
export class CheckoutError extends Error {
  declare readonly type: CheckoutErrorType
  declare readonly status: number | undefined
  declare readonly code: string | undefined
  declare readonly fields: CheckoutFieldErrors | undefined

  constructor(init: CheckoutErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.name = 'CheckoutError'
    this.type = init.type
    this.status = init.status
    this.code = init.code
    this.fields = init.fields
  }
}

/** Narrows a string from the wire to a known type; anything else becomes `api_error`. */
export function toCheckoutErrorType(value: unknown): CheckoutErrorType {
  return isWireErrorType(value) || value === 'network_error' ? value : 'api_error'
}

/** Wraps whatever a custom `createCheckout` threw, so callers always get a `CheckoutError`. */
export function toCheckoutError(error: unknown): CheckoutError {
  if (error instanceof CheckoutError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new CheckoutError({ type: 'api_error', message: `Creating the checkout failed: ${message}`, cause: error })
}
