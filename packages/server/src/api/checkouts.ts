import type { Checkout, CheckoutCreateParams } from '../types'
import { type CallConfig, callPayfect } from './call'

/** The two calls a checkout route makes: no validation (the route built the params), no retries. */
export interface CheckoutCalls {
  create(params: CheckoutCreateParams, signal?: AbortSignal): Promise<Checkout>
  retrieve(id: string, signal?: AbortSignal): Promise<Checkout>
}

/** The lean create/retrieve pair; each call is one attempt under one timeout. */
export function checkoutCalls(config: CallConfig): CheckoutCalls {
  const call = async (method: 'GET' | 'POST', path: string, body: unknown, signal?: AbortSignal) => {
    const outcome = await callPayfect(config, method, path, body, signal)
    if (!outcome.ok) throw outcome.error
    return outcome.value as Checkout
  }
  return {
    create: (params, signal) => call('POST', '/checkouts/', params, signal),
    retrieve: (id, signal) => call('GET', `/checkouts/${encodeURIComponent(id)}/`, undefined, signal),
  }
}
