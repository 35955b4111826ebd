'use client'

import type { FallbackReason } from '@payfect/contract'
import { Slot } from '@radix-ui/react-slot'
import { clsx } from 'clsx'
import { cloneElement, forwardRef, isValidElement, lazy, Suspense, useEffect, useRef, useState, type ButtonHTMLAttributes, type ReactNode } from 'react'
import { composeHandlers as compose } from './compose-handlers'
import { CheckoutError, toCheckoutError } from './core/errors'
import { isReusable } from './core/expiry'
import { openBlankPopup, type PopupSize } from './core/popup'
import { preconnect } from './core/preconnect'
import { trustedHref } from './core/read-checkout'
import { clearResume, readResume, resumeKey, returnKey, writeResume } from './core/resume-store'
import type { Checkout, CheckoutItem } from './core/types'
import { warn } from './core/warn'
import { CheckoutModal, loadCheckoutModal } from './lazy-checkout-modal'
import { Spinner } from './spinner'
import type { CheckoutOutcomeHandlers } from './use-checkout-outcome'
import { useComposedRef } from './use-composed-ref'
import { useCreateCheckout } from './use-create-checkout'
import { usePayfect } from './use-payfect'

/** Where the button's checkout stands; also its `data-status` attribute. */
export type CheckoutButtonStatus = 'idle' | 'creating' | 'open' | 'confirming' | 'pending' | 'complete' | 'expired' | 'error' | 'fallback'

/** How the checkout page is shown. */
export type CheckoutMode = 'modal' | 'redirect' | 'popup' | 'auto'

export interface CheckoutButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onError'>, CheckoutOutcomeHandlers {
  /**
   * What is being bought: price ids from the merchant's catalog. A new list (by value)
   * is a new order: a paid, failed or expired button goes back to `idle`.
   * @example
   * <CheckoutButton items={[{ price: 'pro-plan', quantity: 2 }]} />
   */
  items: CheckoutItem[]
  /**
   * The merchant's order id, echoed back by Payfect and in its callback. With it, the order's open
   * checkout survives a reload, a closed popup and a redirect (kept in `sessionStorage`, verified with
   * the route before reuse). Without it nothing is kept, so the same items can be bought again.
   * @example
   * <CheckoutButton items={items} clientReferenceId={order.id} />
   */
  clientReferenceId?: string
  /**
   * `modal` embeds the checkout in a dialog; `redirect` navigates the page; `popup` opens a centred
   * window (and redirects when a blocker stops it); `auto` is `modal` on desktop and `redirect` on
   * touch devices, where wallet apps can't be opened from inside a frame.
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
   * Called when the shopper closes the modal or popup before an outcome (the checkout stays
   * payable and a click reopens it).
   * @example
   * <CheckoutButton items={items} onClose={() => setBusy(false)} />
   */
  onClose?: (checkout: Checkout) => void
  /**
   * Called whenever the checkout is shown somewhere other than the modal's frame, with the
   * contract's reason: `frame-refused`, `ready-timeout`, `popup-blocked` or `opened-by-shopper`.
   * @example
   * <CheckoutButton items={items} onFallback={({ reason }) => analytics.track('checkout_fallback', { reason })} />
   */
  onFallback?: (event: { reason: FallbackReason }) => void
  /** Renders the merchant's own element (one child) instead of a `<button>`. @defaultValue false */
  asChild?: boolean
  /** The popup's size in `popup` mode. @defaultValue { width: 480, height: 720 } */
  popupSize?: PopupSize
}

const loadPopupTracker = () => import('./popup-tracker')
const PopupTracker = lazy(() => loadPopupTracker().then((module) => ({ default: module.PopupTracker })))

const touchFirst = () => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches

/**
 * Creates a checkout on click (through `useCreateCheckout`) and shows it in a modal, a popup or the
 * whole page; its status comes from the route through `useCheckoutStatus`. State is exposed as
 * `data-status` (`idle|creating|open|confirming|pending|complete|expired|error|fallback`). Once paid it
 * says "Paid" at the same width and is `aria-disabled`; a new order (`items`, `clientReferenceId`)
 * or a new `key` starts over.
 *
 * @example
 * <CheckoutButton items={[{ price: 'pro-plan' }]} clientReferenceId={order.id} onSuccess={(checkout) => router.push(`/orders/${checkout.id}`)}>
 *   Pay with crypto
 * </CheckoutButton>
 */
export const CheckoutButton = forwardRef<HTMLButtonElement, CheckoutButtonProps>(function CheckoutButton(props, ref) {
  const { items, clientReferenceId, mode = 'modal', onSuccess, onCancel, onExpire, onPending, onError, onClose, onFallback, asChild, popupSize, className, children, disabled, onClick, onPointerEnter, onFocus, type, ...rest } = props
  const { client, endpoint, messages, checkoutOrigin, checkoutOrigins, rememberCheckout, probeFraming, framing } = usePayfect()
  const { createCheckout } = useCreateCheckout()
  const [status, setStatus] = useState<CheckoutButtonStatus>('idle')
  const [checkout, setCheckout] = useState<Checkout | undefined>(undefined)
  const [resumed, setResumed] = useState(false)
  const key = clientReferenceId === undefined ? undefined : resumeKey(endpoint, clientReferenceId)
  // A new order (other items or reference) forgets the last outcome and the reusable checkout.
  const order = JSON.stringify([items, clientReferenceId])
  const [lastOrder, setLastOrder] = useState(order)
  if (order !== lastOrder && status !== 'creating' && status !== 'open' && status !== 'confirming') {
    setLastOrder(order)
    setStatus('idle')
    setCheckout(undefined)
    setResumed(false)
  }
  const [modalOpen, setModalOpen] = useState(false)
  const [popup, setPopup] = useState<Window | null>(null)
  const elementRef = useRef<HTMLButtonElement | null>(null)
  const composedRef = useComposedRef(elementRef, ref)
  const announcedRef = useRef(new Set<string>())

  const endPopup = () => {
    popup?.close()
    setPopup(null)
  }
  // The route said complete or expired: once per checkout.
  function announce(settled: Checkout) {
    if (announcedRef.current.has(settled.id)) return
    announcedRef.current.add(settled.id)
    if (key) clearResume(key)
    endPopup()
    setModalOpen(false)
    if (settled.status === 'complete') {
      setStatus('complete')
      onSuccess?.(settled)
    } else {
      setStatus('expired')
      setCheckout(undefined)
      onExpire?.(settled)
    }
  }

  // The order's checkout from before a reload, a closed popup or a redirect: reused only when the route vouches for it.
  async function verify(id: string): Promise<Checkout | undefined> {
    try {
      const found = await client.retrieve(id)
      if (found.clientReferenceId === (clientReferenceId ?? null)) {
        if (found.status === 'complete') announce(found)
        if (found.status === 'complete' || isReusable(found)) return found
      }
    } catch {
      // Unreadable: a new checkout it is (the route's findOpenCheckout may still hand this one back).
    }
    if (key) clearResume(key)
    return undefined
  }

  useEffect(() => {
    const id = key && readResume(key)
    if (!id) return
    let live = true
    void verify(id).then((found) => {
      if (!live || found?.status !== 'open') return
      setCheckout(found)
      setResumed(true)
    })
    return () => {
      live = false
    }
    // Once per order: `verify` reads the latest props.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [key])

  useEffect(() => {
    if (process.env.NODE_ENV === 'production' || !elementRef.current) return
    if (!getComputedStyle(elementRef.current).getPropertyValue('--payfect-stylesheet').trim()) {
      warn("The stylesheet isn't applied, so the modal would render unstyled at the bottom of the page. Add import '@payfect/react/styles.css' once, e.g. in your root layout.")
    }
  }, [])

  const resolved = mode === 'auto' ? (touchFirst() ? 'redirect' : 'modal') : mode
  const load = (shown: string) => (shown === 'modal' ? loadCheckoutModal() : shown === 'popup' ? loadPopupTracker() : undefined)

  function prepare() {
    for (const origin of checkoutOrigins()) preconnect(origin)
    if (resolved === 'modal') probeFraming()
    void load(resolved)?.catch(() => undefined)
  }

  async function obtain(): Promise<Checkout | undefined> {
    if (checkout && isReusable(checkout)) return checkout
    const stored = key && readResume(key)
    if (stored && stored !== checkout?.id) {
      const found = await verify(stored)
      if (found) return found.status === 'complete' ? undefined : found
    }
    const created = await createCheckout({ items, ...(clientReferenceId === undefined ? {} : { clientReferenceId }) })
    if (key) writeResume(key, created.id)
    return created
  }

  async function start() {
    if (status === 'creating' || status === 'complete' || status === 'confirming') return
    let shown = resolved
    // Known before the click that the page may not be framed here: a window of its own instead.
    const refused = shown === 'modal' && framing() === false
    if (refused) shown = 'popup'
    // Opened synchronously inside the click so popup blockers allow it; pointed at the checkout later.
    const win = shown === 'popup' ? openBlankPopup(window, popupSize) : null
    setStatus('creating')
    try {
      const [ready] = await Promise.all([obtain(), load(shown)])
      if (!ready) return win?.close()
      rememberCheckout(ready)
      // Checked again right before it is shown: a URL off the trusted origin is never navigated to.
      const href = trustedHref(ready, checkoutOrigin)
      if (!href) throw new CheckoutError({ type: 'api_error', message: `The checkout URL is not on the trusted origin ${checkoutOrigin ?? ready.hostedOrigin}.` })
      setCheckout(ready)
      if (refused) onFallback?.({ reason: 'frame-refused' })
      if (shown === 'modal') {
        setStatus('open')
        setModalOpen(true)
      } else if (win && !win.closed) {
        // This button's earlier popup (and its tracker) ends: only the newest one speaks for it.
        if (popup !== win) popup?.close()
        setPopup(win)
        win.location.href = href
        setStatus(refused ? 'fallback' : 'open')
      } else {
        if (shown === 'popup') {
          if (process.env.NODE_ENV !== 'production') warn('The checkout popup was blocked; redirecting the page to the checkout instead.')
          onFallback?.({ reason: 'popup-blocked' })
        }
        writeResume(returnKey(endpoint), ready.id)
        window.location.assign(href)
      }
    } catch (cause) {
      win?.close()
      const error = toCheckoutError(cause)
      if (process.env.NODE_ENV !== 'production') console.error(`[@payfect/react] Creating the checkout failed: ${error.message}`)
      setStatus('error')
      onError?.(error)
    }
  }

  const session = {
    checkout: checkout!,
    onSuccess: announce,
    onExpire: announce,
    onCancel: (settled: Checkout) => {
      endPopup()
      setModalOpen(false)
      setStatus('idle')
      onCancel?.(settled)
    },
    onPending: (settled: Checkout) => {
      setStatus('pending')
      onPending?.(settled)
    },
    onPhaseChange: (phase: string) => {
      if (phase === 'confirming') setStatus('confirming')
    },
  }
  const closed = () => {
    setStatus((current) => (current === 'open' || current === 'fallback' ? 'idle' : current))
    if (checkout) onClose?.(checkout)
  }

  const busy = status === 'creating' || status === 'confirming'
  const paid = status === 'complete'
  const child = asChild && isValidElement<{ children?: ReactNode }>(children) ? children : undefined
  // Both labels share one grid cell: "Paid" (and the spinner) never change the button's width.
  const content = (
    <>
      <span className="payfect-button-label" data-slot="checkout-button-label">
        <span className="payfect-button-text" aria-hidden={paid || undefined}>
          {child ? child.props.children : (children ?? messages.payWithCrypto)}
        </span>
        {paid && (
          <span className="payfect-button-paid">
            <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
              <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            {messages.paid}
          </span>
        )}
      </span>
      {busy && (
        <>
          <Spinner />
          <span className="payfect-sr-only">{status === 'creating' ? messages.creating : messages.confirming}</span>
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
        data-resumed={resumed ? '' : undefined}
        aria-busy={busy || undefined}
        // Not `disabled` while busy: a disabled button drops keyboard focus (to <body>).
        aria-disabled={paid || busy || undefined}
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
      {status === 'pending' && (
        <output className="payfect-pending" data-slot="checkout-pending">
          {messages.pending}
        </output>
      )}
      {paid && (
        <output className="payfect-complete" data-slot="checkout-complete">
          {messages.complete}
        </output>
      )}
      {popup && checkout && (
        <Suspense fallback={null}>
          <PopupTracker
            key={checkout.id}
            popup={popup}
            {...session}
            onClose={() => {
              setPopup(null)
              closed()
            }}
          />
        </Suspense>
      )}
      {resolved === 'modal' && checkout && (
        <CheckoutModal
          open={modalOpen}
          onOpenChange={setModalOpen}
          returnFocusRef={elementRef}
          {...session}
          onClose={closed}
          onFallback={(event) => {
            if (event.reason !== 'ready-timeout') setStatus('fallback')
            onFallback?.(event)
          }}
        />
      )}
    </div>
  )
})
