'use client'

import { Slot } from '@radix-ui/react-slot'
import { clsx } from 'clsx'
import { cloneElement, forwardRef, isValidElement, lazy, Suspense, useRef, useState, type ButtonHTMLAttributes, type ReactNode } from 'react'
import type { CheckoutError } from './core/errors'
import { toCheckoutError } from './core/errors'
import { openBlankPopup, type PopupSize } from './core/popup'
import { composeHandlers as compose } from './compose-handlers'
import { preconnect } from './core/preconnect'
import { timeToExpiry } from '@payfect/contract'
import { trustedHref } from './core/read-checkout'
import type { Checkout, CheckoutItem } from './core/types'
import { warn } from './core/warn'
import { CheckoutModal, loadCheckoutModal } from './lazy-checkout-modal'
import { Spinner } from './spinner'
import type { CheckoutOutcomeHandlers } from './use-checkout-tracker'
import { useComposedRef } from './use-composed-ref'
import { usePayfect } from './use-payfect'

/** Where the button's state is; also its `data-status` attribute. */
export type CheckoutButtonStatus = 'idle' | 'creating' | 'open' | 'complete' | 'expired' | 'error'

/** How the checkout page is shown. */
export type CheckoutMode = 'modal' | 'redirect' | 'popup'

export interface CheckoutButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onError'>, CheckoutOutcomeHandlers {
  /**
   * What is being bought: price ids from the merchant's catalog. A new list (by value)
   * is a new order: a paid, failed or expired button goes back to `idle`.
   * @example
   * <CheckoutButton items={[{ price: 'pro-plan', quantity: 2 }]} />
   */
  items: CheckoutItem[]
  /**
   * The merchant's order id, echoed back by Payfect and in its callback. Changing it also starts a new order.
   * @example
   * <CheckoutButton items={items} clientReferenceId={order.id} />
   */
  clientReferenceId?: string
  /**
   * `modal` embeds the checkout in a dialog; `redirect` navigates the page;
   * `popup` opens a centred window (and redirects when a blocker stops it).
   * @defaultValue 'modal'
   */
  mode?: CheckoutMode
  /**
   * Called when creating the checkout fails; the button also shows an alert with a retry.
   * @example
   * <CheckoutButton items={items} onError={(error) => error.type === 'invalid_request_error' && showFields(error.fields)} />
   */
  onError?: (error: CheckoutError) => void
  /**
   * Called when the shopper closes the modal or popup before an outcome (not a cancel:
   * the checkout stays payable and a click reopens it).
   * @example
   * <CheckoutButton items={items} onClose={() => setBusy(false)} />
   */
  onClose?: (checkout: Checkout) => void
  /** Renders the merchant's own element (one child) instead of a `<button>`. @defaultValue false */
  asChild?: boolean
  /** The popup's size in `popup` mode. @defaultValue { width: 480, height: 720 } */
  popupSize?: PopupSize
}

// A checkout this close to expiry is not worth reopening.
const reuseMargin = 30_000
const loadPopupTracker = () => import('./popup-tracker')
const PopupTracker = lazy(() => loadPopupTracker().then((module) => ({ default: module.PopupTracker })))

/**
 * Creates a checkout on click and shows it in a modal, a popup or the whole page.
 * State is exposed as `data-status` (`idle|creating|open|complete|expired|error`).
 * Once paid it says "Paid" and is `aria-disabled`; it goes back to `idle` when
 * `items` or `clientReferenceId` change (a new order), or when its `key` does.
 *
 * @example
 * <CheckoutButton items={[{ price: 'pro-plan' }]} onSuccess={(checkout) => router.push(`/orders/${checkout.id}`)}>
 *   Pay with crypto
 * </CheckoutButton>
 */
export const CheckoutButton = forwardRef<HTMLButtonElement, CheckoutButtonProps>(function CheckoutButton(props, ref) {
  const { items, clientReferenceId, mode = 'modal', onSuccess, onCancel, onExpire, onError, onClose, asChild, popupSize, className, children, disabled, onClick, onPointerEnter, onFocus, type, ...rest } = props
  const { client, messages, checkoutOrigin, checkoutOrigins, rememberCheckout } = usePayfect()
  const [status, setStatus] = useState<CheckoutButtonStatus>('idle')
  const [checkout, setCheckout] = useState<Checkout | undefined>(undefined)
  // A new order (other items or reference) forgets the last outcome and the reusable checkout.
  const order = JSON.stringify([items, clientReferenceId])
  const [lastOrder, setLastOrder] = useState(order)
  if (order !== lastOrder && status !== 'creating' && status !== 'open') {
    setLastOrder(order)
    setStatus('idle')
    setCheckout(undefined)
  }
  const [modalOpen, setModalOpen] = useState(false)
  const [popup, setPopup] = useState<Window | null>(null)
  // When the checkout arrived, on the page's monotonic clock: its expiry counts from the route's serverTime.
  const receivedAtRef = useRef(0)
  const elementRef = useRef<HTMLButtonElement | null>(null)
  const composedRef = useComposedRef(elementRef, ref)

  // Ends the popup (if any) and shows where the checkout went.
  const end = (next: CheckoutButtonStatus, handler?: (checkout: Checkout) => void) => (settled: Checkout) => {
    popup?.close()
    setPopup(null)
    setStatus(next)
    handler?.(settled)
  }
  const tracking = {
    checkout: checkout!,
    onSuccess: end('complete', onSuccess),
    onCancel: end('idle', onCancel),
    onExpire: end('expired', onExpire),
    // The shopper closed the modal or popup before an outcome.
    onClose: () => end('idle', onClose)(checkout!),
  }
  const load = () => (mode === 'modal' ? loadCheckoutModal() : mode === 'popup' ? loadPopupTracker() : undefined)

  function prepare() {
    for (const origin of checkoutOrigins()) preconnect(origin)
    void load()?.catch(() => undefined)
  }

  async function start() {
    if (status === 'creating' || status === 'complete') return
    const left = checkout && timeToExpiry(checkout)
    const fresh = left === undefined || left - (performance.now() - receivedAtRef.current) > reuseMargin
    if (mode === 'modal' && checkout?.status === 'open' && fresh && (status === 'idle' || status === 'open')) {
      setStatus('open')
      setModalOpen(true)
      return
    }
    // Opened synchronously inside the click so popup blockers allow it; pointed at the checkout later.
    const win = mode === 'popup' ? openBlankPopup(window, popupSize) : null
    setStatus('creating')
    try {
      // The provider's client, not useCreateCheckout: swr loads later, with the modal's status polling.
      // The modal opens once the checkout exists, not on the click: opening it on the click (on its
      // loading state) was slower to the page on screen in 4 of 5 paired click-bench runs (0.86–1.25×):
      // its first render competes with the request for the main thread, its entrance with the page's load.
      const [created] = await Promise.all([client.create({ items, ...(clientReferenceId === undefined ? {} : { clientReferenceId }) }), load()])
      receivedAtRef.current = performance.now()
      rememberCheckout(created)
      // Checked again right before it is shown: a URL off the trusted origin is never navigated to.
      const href = trustedHref(created, checkoutOrigin)
      if (!href) throw new Error(`the checkout URL ${created.url} is not on the trusted origin ${checkoutOrigin ?? created.hostedOrigin}.`)
      setCheckout(created)
      setStatus('open')
      if (mode === 'modal') setModalOpen(true)
      else if (win && !win.closed) {
        // This button's earlier popup (and its tracker) ends: only the newest one speaks for it.
        if (popup !== win) popup?.close()
        setPopup(win)
        win.location.href = href
      } else {
        if (mode === 'popup' && process.env.NODE_ENV !== 'production') warn('The checkout popup was blocked; redirecting the page to the checkout instead.')
        window.location.assign(href)
      }
    } catch (cause) {
      win?.close()
      setStatus('error')
      onError?.(toCheckoutError(cause))
    }
  }

  const creating = status === 'creating'
  const paid = status === 'complete'
  const child = asChild && isValidElement<{ children?: ReactNode }>(children) ? children : undefined
  // The label keeps the button's width while the spinner is laid over it (no layout shift).
  const content = (
    <>
      <span className="payfect-button-label" data-slot="checkout-button-label">
        {paid ? (
          <>
            <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
              <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            {messages.paid}
          </>
        ) : child ? (
          child.props.children
        ) : (
          (children ?? messages.payWithCrypto)
        )}
      </span>
      {creating && (
        <>
          <Spinner />
          <span className="payfect-sr-only">{messages.creating}</span>
        </>
      )}
    </>
  )
  const Comp = child ? Slot : 'button'
  return (
    <div className="payfect-checkout" data-slot="checkout" data-status={status}>
      <Comp
        ref={composedRef}
        {...rest}
        {...(child ? {} : { type: type ?? 'button' })}
        className={clsx('payfect-button', className)}
        data-slot="checkout-button"
        data-status={status}
        aria-busy={creating || undefined}
        // Not `disabled` while creating: a disabled button drops keyboard focus (to <body>).
        aria-disabled={paid || creating || undefined}
        disabled={disabled}
        onClick={compose(onClick, () => void start())}
        onPointerEnter={compose(onPointerEnter, prepare)}
        onFocus={compose(onFocus, prepare)}
      >
        {child ? cloneElement(child, undefined, content) : content}
      </Comp>
      {(status === 'error' || status === 'expired') && (
        <div className="payfect-alert" data-slot="checkout-alert" data-status={status} role="alert">
          <span>{messages[status]}</span>
          <button type="button" className="payfect-alert-retry" data-slot="checkout-retry" onClick={() => void start()}>
            {messages.retry}
          </button>
        </div>
      )}
      {paid && (
        <output className="payfect-complete" data-slot="checkout-complete">
          {messages.complete}
        </output>
      )}
      {popup && status === 'open' && (
        <Suspense fallback={null}>
          <PopupTracker key={checkout?.id} popup={popup} {...tracking} />
        </Suspense>
      )}
      {mode === 'modal' && checkout && <CheckoutModal open={modalOpen} onOpenChange={setModalOpen} returnFocusRef={elementRef} {...tracking} />}
    </div>
  )
})
