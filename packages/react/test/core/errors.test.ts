// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { toCheckoutErrorType, type CheckoutErrorType } from '../../src/core/errors'

describe('toCheckoutErrorType', () => {
  it('keeps every known type and turns anything else into api_error', () => {
    const known: CheckoutErrorType[] = [
      'invalid_request_error',
      'authentication_error',
      'permission_error',
      'not_found_error',
      'rate_limit_error',
      'api_error',
      'connection_error',
      'configuration_error',
      'network_error',
    ]
    for (const type of known) expect(toCheckoutErrorType(type)).toBe(type)
    for (const other of ['network', 'weird_error', 'NETWORK_ERROR', '', 42, undefined, null]) expect(toCheckoutErrorType(other)).toBe('api_error')
  })
})
