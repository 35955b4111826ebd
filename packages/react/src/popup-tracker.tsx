'use client'

import { useEffect } from 'react'
import { readableLocation } from './core/return-url'
import type { Checkout } from './core/types'
import { useCheckoutTracker, type CheckoutOutcomeHandlers } from './use-checkout-tracker'
import { useLatestRef } from './use-latest-ref'

export interface PopupTrackerProps extends CheckoutOutcomeHandlers {
  checkout: Checkout
  /** The popup window, already pointed at the checkout. */
  popup: Window
  /** The shopper closed the popup before an outcome. */
  onClosed: () => void
}

const pollMs = 500

/**
 * Follows a checkout in a popup: its messages, the status endpoint, and the
 * window itself (closed, or back on the merchant's origin). Renders nothing;
 * `CheckoutButton` loads it lazily, so popup tracking costs nothing at first paint.
 */
export function PopupTracker({ checkout, popup, onClosed, ...handlers }: PopupTrackerProps) {
  const tracker = useCheckoutTracker({ checkout, active: true, getSource: () => popup, ...handlers })
  const latestRef = useLatestRef({ tracker, onClosed })

  useEffect(() => {
    const timer = setInterval(() => {
      if (popup.closed) {
        clearInterval(timer)
        latestRef.current.onClosed()
        // The shopper may have paid and closed the window before any other signal.
        latestRef.current.tracker.check()
        return
      }
      latestRef.current.tracker.landed(readableLocation(popup))
    }, pollMs)
    return () => clearInterval(timer)
  }, [popup, latestRef])

  return null
}
