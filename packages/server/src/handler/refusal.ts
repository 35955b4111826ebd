import { type FieldErrors, PayfectError, PayfectInvalidRequestError, PayfectPermissionError } from '../errors'

/**
 * A 4xx refusal of the browser's request, as a `PayfectError` so it carries
 * `type`, `status` and `fields` like every other error of the SDK.
 */
export function refusal(status: number, message: string, fields?: FieldErrors): PayfectError {
  const init = { status, message, fields }
  return status === 403 ? new PayfectPermissionError(init) : new PayfectInvalidRequestError(init)
}

/**
 * True for an error that should be sent to the browser as it is: one the handler
 * made itself, or a `PayfectInvalidRequestError` a merchant's `resolveItems` threw.
 * Errors that came back from Payfect carry `raw` (the upstream body) and are never
 * passed through.
 */
export function isRefusal(error: unknown): error is PayfectError {
  return (
    (error instanceof PayfectInvalidRequestError || error instanceof PayfectPermissionError) &&
    error.raw === undefined &&
    error.requestId === undefined
  )
}

/** The status to answer a refusal with: its own when that is a 4xx, else 400. */
export function refusalStatus(error: PayfectError): number {
  return error.status !== undefined && error.status >= 400 && error.status < 500 ? error.status : 400
}
