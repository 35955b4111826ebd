'use client'

import { isTerminalStatus } from '@payfect/contract'
import { useCallback, useEffect } from 'react'
import useSWR from 'swr'
import type { CheckoutError } from './core/errors'
import { msToExpiry } from './core/expiry'
import type { Checkout, CheckoutStatus } from './core/types'
import { usePayfect } from './use-payfect'

// setTimeout fires at once for delays above 2^31-1 ms (about 24.8 days).
const maxDelay = 2 ** 31 - 1

export interface UseCheckoutStatusOptions {
  /**
   * Milliseconds between polls while the checkout is open; `0` turns polling off.
   * Polling pauses while the page is hidden, backs off while the endpoint fails, and stops at a final status.
   * @defaultValue the provider's `pollInterval` (3000)
   */
  refreshInterval?: number
}

export interface UseCheckoutStatusResult {
  /** The latest status the route reported, `undefined` until the first answer. */
  status: CheckoutStatus | undefined
  /** The latest checkout the route returned. */
  checkout: Checkout | undefined
  /** The last polling failure (polling retries on its own, backing off). */
  error: CheckoutError | undefined
  /** `true` until the first answer. */
  isLoading: boolean
  /** Asks the route right now (swr's `mutate()`); resolves to the fresh checkout. */
  refresh: () => Promise<Checkout | undefined>
}

/**
 * The status of a checkout, as the merchant's route reports it (`GET {endpoint}?id=`), on swr:
 * every component asking about the same checkout shares one request stream, a poll never overlaps
 * the last, and polling stops at `complete` or `expired`. When the checkout's expiry passes (by the
 * route's clock, never the shopper's) it asks once more. Pass `null` to stop.
 *
 * @example
 * const { status } = useCheckoutStatus(checkoutId)
 * if (status === 'complete') return <Thanks />
 */
export function useCheckoutStatus(id: string | null | undefined, options: UseCheckoutStatusOptions = {}): UseCheckoutStatusResult {
  const { endpoint, client, pollInterval } = usePayfect()
  const interval = options.refreshInterval ?? pollInterval
  // Stable across renders: swr restarts its timer whenever this function changes.
  const refreshInterval = useCallback((latest?: Checkout) => (latest && isTerminalStatus(latest.status) ? 0 : interval), [interval])
  const { data, error, isLoading, mutate } = useSWR<Checkout, CheckoutError>(id ? ['@payfect/react/checkout', endpoint, id] : null, () => client.retrieve(id as string), {
    refreshInterval,
    refreshWhenHidden: false,
    revalidateOnFocus: true,
    dedupingInterval: Math.min(2000, interval || 2000),
    // While the route fails, swr stops the interval and retries with exponential backoff from here.
    errorRetryInterval: Math.max(interval, 1000),
  })
  const refresh = useCallback(() => mutate(), [mutate])

  // The expiry is a hint: when it passes, ask the route, whose answer alone says `expired`.
  useEffect(() => {
    const left = data?.status === 'open' ? msToExpiry(data) : undefined
    if (left === undefined || left > maxDelay) return
    const timer = setTimeout(() => void mutate(), Math.max(0, left))
    return () => clearTimeout(timer)
  }, [data, mutate])

  return { status: data?.status, checkout: data, error, isLoading, refresh }
}
