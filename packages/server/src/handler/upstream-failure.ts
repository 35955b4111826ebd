import {
  PayfectConnectionError,
  PayfectError,
  type PayfectErrorType,
  PayfectNotFoundError,
  PayfectRateLimitError,
} from '../errors'

/** An error thrown while talking to Payfect (or inside the merchant's own callbacks). */
export class UpstreamFailure extends Error {
  constructor(
    readonly operation: 'create' | 'retrieve' | 'callback',
    override readonly cause: unknown,
  ) {
    super(`checkout handler: ${operation} failed`, { cause })
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
  if (error instanceof PayfectConnectionError) {
    return error.timedOut
      ? { status: 504, type: 'connection_error', message: 'The payment provider did not answer in time. Try again in a moment.' }
      : { status: 502, type: 'connection_error', message: 'The payment provider could not be reached. Try again in a moment.' }
  }
  if (error instanceof PayfectNotFoundError && operation === 'retrieve') {
    return { status: 404, type: 'not_found_error', message: 'No checkout has this id. Create a new checkout.' }
  }
  if (error instanceof PayfectRateLimitError) {
    return { status: 503, type: 'rate_limit_error', message: 'The payment provider is busy. Try again in a moment.' }
  }
  if (error instanceof PayfectError && error.type !== 'configuration_error' && operation !== 'internal') {
    return { status: 502, type: 'api_error', message: 'The payment provider rejected the request; see server logs.' }
  }
  return { status: 500, type: 'api_error', message: 'The checkout endpoint failed; see server logs.' }
}
