'use client'

import useSWRMutation from 'swr/mutation'
import type { CheckoutError } from './core/errors'
import type { Checkout, CreateCheckoutParams } from './core/types'
import { usePayfect } from './use-payfect'

export interface UseCreateCheckoutResult {
  /**
   * Creates a checkout through the merchant's endpoint. A call made while another
   * is in flight (from any hook or button under the same provider) resolves to that same
   * checkout, so a double click creates one checkout.
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
    (_key, { arg }) => client.create(arg),
    { revalidate: false, populateCache: false },
  )
  // The provider's client shares one in-flight creation, so every caller of a double click gets the same checkout.
  return { createCheckout: trigger, checkout: data, error, isCreating: isMutating, reset }
}
