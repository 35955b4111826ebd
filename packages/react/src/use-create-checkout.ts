'use client'

import { useCallback, useRef, useState } from 'react'
import type { CheckoutError } from './core/errors'
import type { Checkout, CreateCheckoutParams } from './core/types'
import { useLatestRef } from './use-latest-ref'
import { usePayfect } from './use-payfect'

export interface UseCreateCheckoutResult {
  /**
   * Creates a checkout through the merchant's endpoint. A call made while another
   * is in flight (from any hook or button under the same provider) resolves to that same
   * checkout, so a double click creates one checkout. Stable across renders.
   * Rejects with a `CheckoutError`.
   */
  createCheckout: (params: CreateCheckoutParams) => Promise<Checkout>
  /** The last checkout created, until `reset()`. */
  checkout: Checkout | undefined
  /** The last failure, until the next success or `reset()`. */
  error: CheckoutError | undefined
  /** `true` while a checkout is being created. */
  isCreating: boolean
  /** Forgets `checkout` and `error` (and the outcome of a call still in flight). */
  reset: () => void
}

type State = Pick<UseCreateCheckoutResult, 'checkout' | 'error' | 'isCreating'>

const idle: State = { checkout: undefined, error: undefined, isCreating: false }

/**
 * Creates checkouts: `swr/mutation`'s contract (`trigger` → `createCheckout`, and only the
 * latest call or `reset()` decides the state) in a few lines, since creation never touches
 * SWR's cache. The in-flight sharing is the provider's client.
 *
 * @example
 * const { createCheckout, isCreating, error } = useCreateCheckout()
 * const checkout = await createCheckout({ items: [{ price: 'pro-plan' }] })
 * window.location.assign(checkout.url)
 */
export function useCreateCheckout(): UseCreateCheckoutResult {
  const clientRef = useLatestRef(usePayfect().client)
  const [state, setState] = useState(idle)
  // Bumped by every call and by reset(): an older call's outcome no longer changes the state.
  const latestRef = useRef(0)

  const createCheckout = useCallback(
    async (params: CreateCheckoutParams) => {
      const call = ++latestRef.current
      setState((previous) => ({ ...previous, isCreating: true }))
      const settle = (next: Partial<State>) => call === latestRef.current && setState((previous) => ({ ...previous, ...next, isCreating: false }))
      try {
        const checkout = await clientRef.current.create(params)
        settle({ checkout, error: undefined })
        return checkout
      } catch (error) {
        settle({ error: error as CheckoutError })
        throw error
      }
    },
    [clientRef],
  )
  const reset = useCallback(() => {
    latestRef.current++
    setState(idle)
  }, [])

  return { createCheckout, reset, ...state }
}
