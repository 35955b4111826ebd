import type { WireErrorType } from '@payfect/contract'
import { type FieldErrors, PayfectError, PayfectInvalidRequestError, PayfectPermissionError } from '../errors'

/**
 * Something the route answers itself: a 4xx refusal of the browser's request, or a 5xx whose
 * `reason` goes to the log (never to the browser). `code` is stable and explained in the README.
 */
export class RouteError extends Error {
  declare readonly status: number
  declare readonly type: WireErrorType
  declare readonly code: string
  declare readonly fields: FieldErrors | undefined

  constructor(status: number, type: WireErrorType, code: string, message: string, fields?: FieldErrors, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause })
    this.status = status
    this.type = type
    this.code = code
    this.fields = fields
  }
}

/** A 400 refusal (403 for `cross_origin`). */
export const refusal = (code: string, message: string, fields?: FieldErrors, status = 400): RouteError =>
  new RouteError(status, status === 403 ? 'permission_error' : 'invalid_request_error', code, message, fields)

/**
 * A merchant callback's own refusal (`PayfectInvalidRequestError` or `PayfectPermissionError` it
 * threw) goes to the browser as it is; one that came back from Payfect carries `raw` and never does.
 */
export function merchantRefusal(error: unknown): RouteError | undefined {
  if (!(error instanceof PayfectInvalidRequestError || error instanceof PayfectPermissionError)) return undefined
  if ((error as PayfectError).raw !== undefined || error.requestId !== undefined) return undefined
  const status = error.status !== undefined && error.status >= 400 && error.status < 500 ? error.status : error instanceof PayfectPermissionError ? 403 : 400
  return new RouteError(status, error.type, error.code ?? 'refused', error.message, error.fields)
}
