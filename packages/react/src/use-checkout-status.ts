'use client'

import { useCallback } from 'react'
import useSWR from 'swr'
import type { CheckoutError } from './core/errors'
import { isTerminalStatus, type Checkout, type CheckoutStatus } from './core/types'
import { usePayfect } from './use-payfect'

export interface UseCheckoutStatusOptions {
  /**
   * Milliseconds between polls while the checkout is open; `0` turns polling off.
   * Polling pauses while the page is hidden and stops at a final status.
   * @defaultValue the provider's `pollInterval` (3000)
   */
  refreshInterval?: number
}

export interface UseCheckoutStatusResult {
  /** The latest known status, `undefined` until the first answer. */
  status: CheckoutStatus | undefined
  /** The latest checkout the endpoint returned. */
  checkout: Checkout | undefined
  /** The last polling failure (polling retries on its own). */
  error: CheckoutError | undefined
  /** `true` until the first answer. */
  isLoading: boolean
  /** Asks the endpoint right now; resolves to the fresh checkout. */
  refresh: () => Promise<Checkout | undefined>
}

/**
 * Polls `GET {endpoint}?id=` with SWR until the checkout is `complete` or
 * `expired`. Pass `null` to stop.
 *
 * @example
 * const { status } = useCheckoutStatus(checkoutId)
 * if (status === 'complete') return <Thanks />
 */
export function useCheckoutStatus(id: string | null | undefined, options: UseCheckoutStatusOptions = {}): UseCheckoutStatusResult {
  const { endpoint, client, pollInterval } = usePayfect()
  const interval = options.refreshInterval ?? pollInterval
  const refreshInterval = useCallback((latest?: Checkout) => (latest && isTerminalStatus(latest.status) ? 0 : interval), [interval])
  const { data, error, isLoading, mutate } = useSWR<Checkout, CheckoutError>(
    id ? ['@payfect/react/checkout', endpoint, id] : null,
    () => client.retrieve(id as string),
    {
      // Stable across renders: SWR restarts its timer whenever this function changes, so an
      // inline one would starve the poll in an app that re-renders more often than `interval`.
      refreshInterval,
      refreshWhenHidden: false,
      revalidateOnFocus: true,
      dedupingInterval: Math.min(2000, interval || 2000),
    },
  )
  return { status: data?.status, checkout: data, error, isLoading, refresh: () => mutate() }
}
