'use client'

import { useCallback, useRef } from 'react'
import useSWRMutation from 'swr/mutation'
import { toCheckoutError, type CheckoutError } from './core/errors'
import type { Checkout, CreateCheckoutParams } from './core/types'
import { usePayfect } from './use-payfect'

export interface UseCreateCheckoutResult {
  /**
   * Creates a checkout through the merchant's endpoint. A call made while another
   * is in flight returns that same promise, so a double click creates one checkout.
   * Rejects with a `CheckoutError`.
   */
  createCheckout: (params: CreateCheckoutParams) => Promise<Checkout>
  /** The last checkout created, until `reset()`. */
  checkout: Checkout | undefined
  /** The last failure, until the next call or `reset()`. */
  error: CheckoutError | undefined
  /** `true` while a checkout is being created. */
  isCreating: boolean
  /** Forgets `checkout` and `error`. */
  reset: () => void
}

/**
 * Creates checkouts with SWR's mutation hook.
 *
 * @example
 * const { createCheckout, isCreating, error } = useCreateCheckout()
 * const checkout = await createCheckout({ items: [{ price: 'pro-plan' }] })
 * window.location.assign(checkout.url)
 */
export function useCreateCheckout(): UseCreateCheckoutResult {
  const { endpoint, client } = usePayfect()
  const { trigger, data, error, isMutating, reset } = useSWRMutation<Checkout, CheckoutError, readonly [string, string], CreateCheckoutParams>(
    ['@payfect/react/create-checkout', endpoint] as const,
    async (_key, { arg }) => {
      try {
        return await client.create(arg)
      } catch (cause) {
        throw toCheckoutError(cause)
      }
    },
    { revalidate: false, populateCache: false },
  )
  const inFlight = useRef<Promise<Checkout> | null>(null)

  const createCheckout = useCallback(
    (params: CreateCheckoutParams): Promise<Checkout> => {
      if (inFlight.current) return inFlight.current
      const promise = trigger(params).finally(() => {
        if (inFlight.current === promise) inFlight.current = null
      })
      inFlight.current = promise
      return promise
    },
    [trigger],
  )

  return { createCheckout, checkout: data, error, isCreating: isMutating, reset }
}
