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
  onClose: () => void
}

/**
 * Follows a checkout in a popup: its messages, the status endpoint, and the
 * window itself (closed, or back on the merchant's origin). Renders nothing;
 * `CheckoutButton` loads it lazily, so popup tracking costs nothing at first paint.
 */
export function PopupTracker({ popup, onClose, ...options }: PopupTrackerProps) {
  const tracker = useCheckoutTracker({ ...options, active: true, getSource: () => popup })
  const latestRef = useLatestRef({ tracker, onClose })

  useEffect(() => {
    const timer = setInterval(() => {
      const latest = latestRef.current
      if (!popup.closed) return latest.tracker.landed(readableLocation(popup))
      clearInterval(timer)
      latest.onClose()
      // The shopper may have paid and closed the window before any other signal.
      latest.tracker.check()
    }, 500)
    return () => clearInterval(timer)
  }, [popup, latestRef])

  return null
}
