'use client'

import * as Dialog from '@radix-ui/react-dialog'
import { clsx } from 'clsx'
import { forwardRef, useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { formatAmount } from './core/format-amount'
import { readPayfectMessage } from './core/message-protocol'
import { trustedHref } from './core/read-checkout'
import { interpolate } from './core/messages'
import { readableLocation } from './core/return-url'
import type { Checkout } from './core/types'
import { Spinner } from './spinner'
import { useCheckoutTracker, type CheckoutOutcomeHandlers } from './use-checkout-tracker'
import { useControllableState } from './use-controllable-state'
import { usePayfect } from './use-payfect'

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
   * Called when the shopper dismisses the modal (Escape, the close button, the
   * overlay) before an outcome. Closing is not cancelling: the checkout stays
   * payable, and `onCancel` fires only when the page reports a cancel.
   */
  onClose?: (checkout: Checkout | undefined) => void
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
 * Runs the part of the modal's first render that needs no checkout, for the preload (on hover or
 * focus) to take off the click's path: a page's first `Intl.NumberFormat` loads ICU's data (40–60 ms
 * in headless Chromium on a busy 2-core machine), and the modal's description formats the amount.
 */
export function warmCheckoutModal(): void {
  formatAmount('1.5', '')
}

/**
 * The dialog itself. The package exports it through `lazy-checkout-modal.tsx`,
 * so this module (and Radix) is always its own, lazily loaded chunk.
 */
export const CheckoutModal = forwardRef<HTMLDivElement, CheckoutModalProps>(function CheckoutModal(props, ref) {
  const { checkout, onClose, className, overlayClassName, container, returnFocusRef } = props
  const { messages, locale, checkoutOrigin } = usePayfect()
  // Checked again right before framing: only a URL on the trusted origin is ever shown.
  const href = trustedHref(checkout, checkoutOrigin)
  const [open, setOpen] = useControllableState(props.open, props.defaultOpen ?? false, props.onOpenChange)
  const frameRef = useRef<HTMLIFrameElement | null>(null)
  const previousFocusRef = useRef<HTMLElement | null>(null)
  const openedAtRef = useRef(0)
  const [loadedUrl, setLoadedUrl] = useState<string | undefined>(undefined)
  const loaded = !!checkout && loadedUrl === checkout.url

  const settle = useCallback(
    (handler: ((checkout: Checkout) => void) | undefined) => (settled: Checkout) => {
      setOpen(false)
      handler?.(settled)
    },
    [setOpen],
  )
  const tracker = useCheckoutTracker({
    checkout,
    active: open,
    getSource: () => frameRef.current?.contentWindow,
    onSuccess: settle(props.onSuccess),
    onCancel: settle(props.onCancel),
    onExpire: settle(props.onExpire),
  })

  const handleOpenChange = (next: boolean) => {
    if (!next && tracker.state === 'open') {
      onClose?.(checkout ?? undefined)
      // The shopper may have paid and closed before any signal arrived.
      tracker.check()
    }
    setOpen(next)
  }

  useEffect(() => {
    if (!open) setLoadedUrl(undefined)
  }, [open])

  // The frame is shown on the first of the page's `checkout.ready` (its DOM is parsed) and the
  // frame's `load`, which waits for every image and font of the page; a page that posts nothing
  // is shown on `load`. Only the current frame's window counts (a new checkout is a new iframe).
  const url = checkout?.url
  const origin = checkout?.hostedOrigin
  useEffect(() => {
    function onMessage(event: MessageEvent) {
      if (readPayfectMessage(event, { origin, source: frameRef.current?.contentWindow }) === 'ready') setLoadedUrl(url)
    }
    addEventListener('message', onMessage)
    return () => removeEventListener('message', onMessage)
  }, [url, origin])

  const amount = checkout ? formatAmount(checkout.amountTotal, checkout.currency, locale) : undefined
  const status = tracker.state ?? 'creating'
  return (
    <Dialog.Root open={open} onOpenChange={handleOpenChange}>
      <Dialog.Portal container={container}>
        <Dialog.Overlay className={clsx('payfect-overlay', overlayClassName)} data-slot="checkout-overlay" />
        <Dialog.Content
          ref={ref}
          className={clsx('payfect-modal', className)}
          data-slot="checkout-modal"
          data-status={status}
          data-loading={loaded ? undefined : ''}
          onPointerDownOutside={(event) => {
            // A double click that opened the modal lands its second press on the overlay: not a dismissal.
            if (event.timeStamp - openedAtRef.current < doubleClickMs) event.preventDefault()
          }}
          onOpenAutoFocus={(event) => {
            openedAtRef.current = event.timeStamp
            // Runs before focus moves in, so this is still what the shopper was on.
            previousFocusRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
            // The dialog itself takes focus (Radix gives it tabIndex -1), not the close button: no stray
            // focus ring when opened without a pointer; Tab still enters the trap at the close button.
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
              <Dialog.Title className="payfect-modal-title">{messages.modalTitle}</Dialog.Title>
              <Dialog.Description className="payfect-modal-description">
                {amount ? interpolate(messages.modalDescription, { amount }) : messages.modalDescriptionNoAmount}
              </Dialog.Description>
            </div>
            <Dialog.Close className="payfect-modal-close" data-slot="checkout-close" aria-label={messages.close}>
              <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
                <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              </svg>
            </Dialog.Close>
          </div>
          <div className="payfect-modal-body" data-slot="checkout-body">
            {!loaded && (
              <output className="payfect-loading" data-slot="checkout-loading">
                <Spinner />
                <span>{messages.loading}</span>
              </output>
            )}
            {checkout && href && (
              // No sandbox: the hosted page needs scripts, its own storage, wallet app links and popups,
              // and may navigate the top window. Its location reads (throws → undefined) while it shows
              // Payfect; once readable it is back on the merchant's origin. A new checkout is a new
              // frame (a fresh history). Built when the URL is known, with it: an empty frame built with
              // the dialog and pointed at the URL later measured slower (click bench, paired rounds).
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
                  setLoadedUrl(checkout.url)
                  tracker.landed(readableLocation(frameRef.current?.contentWindow))
                }}
              />
            )}
          </div>
          {href && (
            <div className="payfect-modal-footer" data-slot="checkout-footer">
              <a className="payfect-link" href={href} target="_blank" rel="noopener noreferrer">
                {messages.openInNewTab}
              </a>
            </div>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
})
