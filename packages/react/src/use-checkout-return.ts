'use client'

import { useEffect, useRef, useState } from 'react'
import { clearResume, readResume, returnKey } from './core/resume-store'
import { classifyReturn } from './core/return-url'
import type { Checkout } from './core/types'
import { useCheckoutOutcome, type CheckoutOutcomeHandlers, type CheckoutPhase } from './use-checkout-outcome'
import { usePayfect } from './use-payfect'

export interface UseCheckoutReturnOptions extends CheckoutOutcomeHandlers {
  /**
   * The checkout the shopper comes back from.
   * @defaultValue the one `CheckoutButton` redirected to from this tab (kept in `sessionStorage`)
   */
  id?: string
}

export interface UseCheckoutReturnResult {
  /** The returning checkout as the route last reported it; `undefined` until read, or when there is none. */
  checkout: Checkout | undefined
  /** `confirming` while the route confirms, then `complete`, `pending`, `expired` (or `open`: not paid). */
  phase: CheckoutPhase | undefined
}

/**
 * For the page a redirect comes back to (the success or cancel page): reads the returning checkout
 * through the route and fires the same callbacks as the modal. Landing here is a hint, so the kit
 * confirms with the route (`confirming`, then `pending` if it takes long); `onSuccess` fires only on
 * the route's `complete`, once.
 *
 * @example
 * function ThanksPage() {
 *   const { phase } = useCheckoutReturn({ onSuccess: (checkout) => clearCart(checkout.clientReferenceId) })
 *   return phase === 'complete' ? <p>Paid, thank you!</p> : <p>Confirming your payment…</p>
 * }
 */
export function useCheckoutReturn(options: UseCheckoutReturnOptions = {}): UseCheckoutReturnResult {
  const { endpoint, client } = usePayfect()
  const [checkout, setCheckout] = useState<Checkout | undefined>(undefined)
  const id = options.id
  useEffect(() => {
    const key = returnKey(endpoint)
    const returning = id ?? readResume(key)
    if (!returning) return
    let live = true
    client.retrieve(returning).then(
      (found) => {
        clearResume(key)
        if (live) setCheckout(found)
      },
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [endpoint, client, id])
  const startedRef = useRef<string | undefined>(undefined)
  // Read from the route just now, so a checkout already complete (its callback came first) is news.
  const outcome = useCheckoutOutcome({ ...options, checkout, active: true, announceDecided: true })
  // Where the hosted page sent the shopper is a hint (success or cancel URL); the route confirms it.
  useEffect(() => {
    if (checkout && checkout.status === 'open' && startedRef.current !== checkout.id) {
      startedRef.current = checkout.id
      const kind = classifyReturn(location.href, checkout)
      outcome.hint(kind === 'success' ? 'complete' : kind === 'cancel' ? 'cancelled' : 'check')
    }
  }, [checkout, outcome])
  return { checkout: outcome.checkout, phase: checkout ? outcome.phase : undefined }
}
