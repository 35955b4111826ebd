'use client'

import { useRef } from 'react'
import { classifyReturn } from './core/return-url'
import type { Checkout } from './core/types'
import { useCheckoutOutcome, type CheckoutOutcomeHandlers, type CheckoutPhase } from './use-checkout-outcome'
import { useHostedMessages } from './use-hosted-messages'
import { useWindowWatch } from './use-window-watch'

export interface PopupTrackerProps extends CheckoutOutcomeHandlers {
  checkout: Checkout
  /** The popup window, already pointed at the checkout. */
  popup: Window
  /** The shopper closed the popup before an outcome. */
  onClose: () => void
  onPhaseChange?: (phase: CheckoutPhase) => void
}

/**
 * Follows a checkout in a popup: its messages and the window itself (back on the merchant's
 * origin, or closed) are hints; the status comes from `useCheckoutStatus`. Renders nothing;
 * `CheckoutButton` loads it lazily, so popup tracking costs nothing at first paint.
 */
export function PopupTracker({ popup, onClose, ...options }: PopupTrackerProps) {
  const { hint } = useCheckoutOutcome({ ...options, active: true })
  const { checkout } = options
  // The window this tracker closed itself, after a landing: the shopper did not close it.
  const closedHereRef = useRef<Window | null>(null)
  useHostedMessages(checkout.hostedOrigin, checkout.id, () => popup, (message) => message !== 'ready' && hint(message))
  useWindowWatch(
    popup,
    (href) => {
      const kind = classifyReturn(href, checkout)
      // Back on the store: the window has done its part.
      if (kind === 'success' || kind === 'cancel') {
        closedHereRef.current = popup
        popup.close()
      }
      hint(kind === 'success' ? 'complete' : kind === 'cancel' ? 'cancelled' : 'check')
    },
    () => {
      // Closed here after a landing, the tracker stays to hear the route's word (confirming).
      if (closedHereRef.current !== popup) onClose()
      // The shopper may have paid and closed the window before any other signal.
      hint('check')
    },
  )
  return null
}
