import {
  PayfectConnectionError,
  PayfectError,
  type PayfectErrorType,
  PayfectNotFoundError,
  PayfectRateLimitError,
} from '../errors'

/** An error thrown while talking to Payfect (or inside the merchant's own callbacks). */
export class UpstreamFailure extends Error {
  declare readonly operation: 'create' | 'retrieve' | 'callback'
  declare readonly cause: unknown

  constructor(operation: UpstreamFailure['operation'], cause: unknown) {
    super(`checkout handler: ${operation} failed`, { cause })
    this.operation = operation
    this.cause = cause
  }
}

export interface FailureAnswer {
  status: number
  type: PayfectErrorType
  message: string
}

/**
 * What the browser is told when something failed on the server's side. The
 * answer never carries the upstream message or body: those may name the
 * merchant's account, key problems or internal ids. The full error goes to `onError`.
 */
export function failureAnswer(error: unknown, operation: UpstreamFailure['operation'] | 'internal'): FailureAnswer {
  const answer = (status: number, type: PayfectErrorType, message: string): FailureAnswer => ({ status, type, message })
  const later = 'Try again in a moment.'
  if (error instanceof PayfectConnectionError) {
    return answer(error.timedOut ? 504 : 502, 'connection_error', `The payment provider ${error.timedOut ? 'did not answer in time' : 'could not be reached'}. ${later}`)
  }
  if (error instanceof PayfectNotFoundError && operation === 'retrieve') return answer(404, 'not_found_error', 'No checkout has this id. Create a new checkout.')
  if (error instanceof PayfectRateLimitError) return answer(503, 'rate_limit_error', `The payment provider is busy. ${later}`)
  if (error instanceof PayfectError && error.type !== 'configuration_error' && operation !== 'internal') {
    return answer(502, 'api_error', 'The payment provider rejected the request; see server logs.')
  }
  return answer(500, 'api_error', 'The checkout endpoint failed; see server logs.')
}
