'use client'

import type { FallbackReason } from '@payfect/contract'
import * as Dialog from '@radix-ui/react-dialog'
import { clsx } from 'clsx'
import { forwardRef, useEffect, useRef, useState, type RefObject } from 'react'
import { formatAmount } from './core/format-amount'
import { interpolate } from './core/messages'
import { openCheckoutWindow } from './core/open-window'
import { trustedHref } from './core/read-checkout'
import { classifyReturn, readableLocation } from './core/return-url'
import type { Checkout } from './core/types'
import { Spinner } from './spinner'
import { useCheckoutOutcome, type CheckoutOutcomeHandlers, type CheckoutPhase } from './use-checkout-outcome'
import { useControllableState } from './use-controllable-state'
import { useHostedMessages } from './use-hosted-messages'
import { usePayfect } from './use-payfect'
import { useWindowWatch } from './use-window-watch'

export interface CheckoutModalProps extends CheckoutOutcomeHandlers {
  /** The checkout to show; while `null`, the modal shows its loading state. */
  checkout: Checkout | null | undefined
  /** Controlled open state; pair with `onOpenChange`. */
  open?: boolean
  /**
   * The initial open state when uncontrolled.
   * @defaultValue false
   */
  defaultOpen?: boolean
  /** Called whenever the modal opens or closes, including after an outcome. */
  onOpenChange?: (open: boolean) => void
  /**
   * Called when the shopper dismisses the modal (Escape, the close button, the overlay) before an
   * outcome. Closing is not cancelling: the checkout stays payable; the route is asked once.
   */
  onClose?: (checkout: Checkout | undefined) => void
  /**
   * Called when the checkout leaves the frame: the shopper chose "Open in a new window"
   * (`opened-by-shopper`), that window was blocked and the page redirects (`popup-blocked`), or
   * the page showed no sign of life within the provider's `readyTimeoutMs` (`ready-timeout`).
   * @example
   * <CheckoutModal checkout={checkout} onFallback={({ reason }) => analytics.track('fallback', reason)} />
   */
  onFallback?: (event: { reason: FallbackReason }) => void
  /** Called as the checkout moves between `open`, `confirming`, `pending`, `complete` and `expired`. */
  onPhaseChange?: (phase: CheckoutPhase) => void
  /** Merged onto the dialog card. */
  className?: string
  /** Merged onto the overlay behind the card. */
  overlayClassName?: string
  /** Where the dialog is portalled. @defaultValue document.body */
  container?: HTMLElement | null
  /**
   * Where focus goes when the modal closes.
   * @defaultValue the element that had focus when it opened
   */
  returnFocusRef?: RefObject<HTMLElement | null>
}

// The longest double-click interval desktop systems default to.
const doubleClickMs = 500

/**
 * The dialog itself. The package exports it through `lazy-checkout-modal.tsx`,
 * so this module (and Radix, and swr) is always its own, lazily loaded chunk.
 */
export const CheckoutModal = forwardRef<HTMLDivElement, CheckoutModalProps>(function CheckoutModal(props, ref) {
  const { checkout, onClose, onFallback, className, overlayClassName, container, returnFocusRef } = props
  const { messages, locale, checkoutOrigin, readyTimeoutMs } = usePayfect()
  const [open, setOpen] = useControllableState(props.open, props.defaultOpen ?? false, props.onOpenChange)
  const frameRef = useRef<HTMLIFrameElement | null>(null)
  const previousFocusRef = useRef<HTMLElement | null>(null)
  const openedAtRef = useRef(0)
  const [loadedUrl, setLoadedUrl] = useState<string | undefined>(undefined)
  const [timedOutUrl, setTimedOutUrl] = useState<string | undefined>(undefined)
  // The window the shopper moved the checkout to ("Open in a new window"); followed like the frame.
  const [popup, setPopup] = useState<Window | null>(null)
  // Checked again right before framing or opening: only a URL on the trusted origin is ever shown.
  const href = trustedHref(checkout, checkoutOrigin)
  const loaded = !!href && loadedUrl === href

  const end =
    (handler: ((checkout: Checkout) => void) | undefined, keepOpen = false) =>
    (settled: Checkout) => {
      if (!keepOpen) setOpen(false)
      popup?.close()
      setPopup(null)
      handler?.(settled)
    }
  const outcome = useCheckoutOutcome({
    checkout,
    active: open || !!popup,
    onSuccess: end(props.onSuccess),
    onExpire: end(props.onExpire),
    onCancel: end(props.onCancel),
    onPending: props.onPending,
    onPhaseChange: props.onPhaseChange,
  })
  const { phase, hint } = outcome

  // The frame or window came back to the store: a hint, which the route confirms or not.
  const landed = (location: string | undefined) => {
    if (!checkout) return
    const kind = classifyReturn(location, checkout)
    if (kind === 'success') hint('complete')
    else if (kind === 'cancel') hint('cancelled')
    else if (kind === 'unknown') hint('check')
  }
  useHostedMessages(checkout?.hostedOrigin, checkout?.id, () => popup ?? frameRef.current?.contentWindow, (message) => (message === 'ready' ? setLoadedUrl(href) : hint(message)))
  useWindowWatch(popup, landed, () => {
    setPopup(null)
    // The shopper may have paid and closed the window before any other signal.
    hint('check')
  })

  const handleOpenChange = (next: boolean) => {
    if (!next && phase !== 'complete' && phase !== 'expired') {
      onClose?.(checkout ?? undefined)
      hint('check')
    }
    setOpen(next)
  }

  // Shown again, the checkout may have moved on meanwhile (paid in another tab): ask at once.
  const shownRef = useRef(false)
  useEffect(() => {
    if (!open) setLoadedUrl(undefined)
    else if (shownRef.current) hint('check')
    shownRef.current ||= open
    // Only on opening and closing.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  // Armed only when the merchant set readyTimeoutMs: the live page posts nothing, and a slow network is no failure.
  useEffect(() => {
    if (!open || !href || loaded || readyTimeoutMs === undefined) return
    const timer = setTimeout(() => {
      setTimedOutUrl(href)
      onFallback?.({ reason: 'ready-timeout' })
    }, readyTimeoutMs)
    return () => clearTimeout(timer)
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [open, href, loaded, readyTimeoutMs])

  function openWindow() {
    const target = trustedHref(checkout, checkoutOrigin)
    if (!target) return
    const win = openCheckoutWindow(target)
    if (win) {
      setPopup(win)
      setOpen(false)
      onFallback?.({ reason: 'opened-by-shopper' })
    } else {
      onFallback?.({ reason: 'popup-blocked' })
      window.location.assign(target)
    }
  }

  const amount = checkout ? formatAmount(checkout.amountTotal, checkout.currency, locale) : undefined
  const timedOut = !!href && timedOutUrl === href && !loaded
  const status = !checkout ? 'creating' : timedOut && phase === 'open' ? 'fallback' : phase
  const settling = phase === 'confirming' || phase === 'pending'
  const title = phase === 'confirming' ? messages.confirmingTitle : phase === 'pending' ? messages.pendingTitle : phase === 'complete' ? messages.completeTitle : messages.modalTitle
  const description = phase === 'pending' ? messages.pending : amount ? interpolate(messages.modalDescription, { amount }) : messages.modalDescriptionNoAmount
  return (
    <Dialog.Root open={open} onOpenChange={handleOpenChange}>
      <Dialog.Portal container={container}>
        <Dialog.Overlay className={clsx('payfect-overlay', overlayClassName)} data-slot="checkout-overlay" />
        <Dialog.Content
          ref={ref}
          className={clsx('payfect-modal', className)}
          data-slot="checkout-modal"
          data-status={status}
          data-loading={loaded || settling ? undefined : ''}
          onPointerDownOutside={(event) => {
            // A double click that opened the modal lands its second press on the overlay: not a dismissal.
            if (event.timeStamp - openedAtRef.current < doubleClickMs) event.preventDefault()
          }}
          onOpenAutoFocus={(event) => {
            openedAtRef.current = event.timeStamp
            // Runs before focus moves in, so this is still what the shopper was on.
            previousFocusRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
            // The dialog itself takes focus, not the close button: no stray focus ring when opened without a pointer.
            event.preventDefault()
            ;(event.target as HTMLElement).focus()
          }}
          onCloseAutoFocus={(event) => {
            // Radix returns focus only to a Dialog.Trigger; this modal is opened from anywhere.
            const target = returnFocusRef?.current ?? previousFocusRef.current
            if (target?.isConnected) {
              event.preventDefault()
              target.focus()
            }
          }}
        >
          <div className="payfect-modal-header" data-slot="checkout-header">
            <div className="payfect-modal-heading">
              <Dialog.Title className="payfect-modal-title">{title}</Dialog.Title>
              <Dialog.Description className="payfect-modal-description">{description}</Dialog.Description>
            </div>
            <Dialog.Close className="payfect-modal-close" data-slot="checkout-close" aria-label={messages.close}>
              <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
                <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              </svg>
            </Dialog.Close>
          </div>
          <div className="payfect-modal-body" data-slot="checkout-body">
            {(!loaded || settling) && (
              <output className="payfect-loading" data-slot="checkout-loading">
                {phase !== 'pending' && <Spinner />}
                <span>{phase === 'confirming' ? messages.confirming : phase === 'pending' ? messages.pending : messages.loading}</span>
              </output>
            )}
            {href && !settling && (
              // No sandbox: the hosted page needs scripts, its own storage, wallet app links and popups,
              // and may navigate the top window. Its location reads (throws → undefined) while it shows
              // Payfect; once readable it is back on the merchant's origin. A new checkout is a new frame.
              // oxlint-disable-next-line react/iframe-missing-sandbox
              <iframe
                ref={frameRef}
                key={href}
                src={href}
                title={messages.frameTitle}
                className="payfect-frame"
                data-slot="checkout-frame"
                allow="clipboard-write; payment"
                onLoad={() => {
                  setLoadedUrl(href)
                  landed(readableLocation(frameRef.current?.contentWindow))
                }}
              />
            )}
          </div>
          {href && (
            // Outside the frame, always: a page that refuses to be framed must never trap the shopper.
            <div className="payfect-modal-footer" data-slot="checkout-footer">
              {timedOut && (
                <output className="payfect-modal-note" data-slot="checkout-fallback-note">
                  {messages.readyTimeout}
                </output>
              )}
              <button type="button" className="payfect-link" data-slot="checkout-open-window" onClick={openWindow}>
                {messages.openInNewWindow}
              </button>
            </div>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
})
