'use client'

import { isTerminalStatus } from '@payfect/contract'
import { useCallback, useEffect, useRef, useState } from 'react'
import { confirmAttempts, confirmCap, confirmDelay } from './core/confirm-backoff'
import type { Checkout } from './core/types'
import { useCheckoutStatus } from './use-checkout-status'
import { useLatestRef } from './use-latest-ref'
import { usePayfect } from './use-payfect'

/** Where a shown checkout stands: the route's status, plus the two phases after a success landing. */
export type CheckoutPhase = 'open' | 'confirming' | 'pending' | 'complete' | 'expired'

/** What the hosted page, the frame or popup, or a timer suggests; each only makes the kit ask the route. */
export type CheckoutHint = 'complete' | 'cancelled' | 'expired' | 'check'

/** What happened to a checkout the shopper had open. */
export interface CheckoutOutcomeHandlers {
  /**
   * Called once per checkout when the merchant's route reports it `complete`; never on a landing or
   * a message alone. Fulfil the order from the verified webhook (or the route's fulfilment hook), not
   * from here: this is for the shopper's screen.
   * @example
   * <CheckoutButton items={items} onSuccess={(checkout) => router.push(`/orders/${checkout.id}`)} />
   */
  onSuccess?: ((checkout: Checkout) => void) | undefined
  /**
   * Called when the shopper steps away on the hosted page (its cancel link, or the frame or popup
   * landing on `cancelUrl`). The checkout stays payable: a click reopens it, and paying then ends in `onSuccess`.
   * @example
   * <CheckoutButton items={items} onCancel={() => toast('Your cart is saved.')} />
   */
  onCancel?: ((checkout: Checkout) => void) | undefined
  /**
   * Called once per checkout when the route reports it `expired` (its expiry is measured by the
   * route's clock). The button then offers a new checkout.
   * @example
   * <CheckoutButton items={items} onExpire={(checkout) => log('expired', checkout.id)} />
   */
  onExpire?: ((checkout: Checkout) => void) | undefined
  /**
   * Called once when the shopper came back from paying but the route still says `open` after the
   * confirmation reads (the payment awaits confirmations). Not an error: polling goes on slowly, and
   * `onSuccess` still fires when the route reports `complete`.
   * @example
   * <CheckoutButton items={items} onPending={() => toast('We’ll email you once the payment confirms.')} />
   */
  onPending?: ((checkout: Checkout) => void) | undefined
}

export interface CheckoutOutcomeOptions extends CheckoutOutcomeHandlers {
  checkout: Checkout | null | undefined
  /** Poll only while `true` (the modal is open, the popup is up). */
  active: boolean
  onPhaseChange?: ((phase: CheckoutPhase) => void) | undefined
  /** Announce a checkout handed over already decided: it was just read from the route (a redirect's return). */
  announceDecided?: boolean | undefined
}

/**
 * Follows a shown checkout on `useCheckoutStatus`, the only status source: hints ask the route at
 * once, a success hint starts the `confirming` reads (backing off, then `pending`), and the callbacks
 * fire only on the route's word, `onSuccess`/`onExpire` once per checkout.
 */
export function useCheckoutOutcome(options: CheckoutOutcomeOptions) {
  const { checkout, active } = options
  const { pollInterval } = usePayfect()
  const latestRef = useLatestRef(options)
  const id = checkout?.id
  const [confirmingId, setConfirmingId] = useState<string | undefined>(undefined)
  const [pendingId, setPendingId] = useState<string | undefined>(undefined)
  const confirming = !!id && confirmingId === id
  const pending = !!id && pendingId === id

  // Whether each checkout was already decided when first handed over: a parent passing fresher copies
  // (its own useCheckoutStatus) must not turn the route's `complete` into "decided before".
  const firstSeenRef = useRef(new Map<string, boolean>())
  if (id && checkout && !firstSeenRef.current.has(id)) firstSeenRef.current.set(id, isTerminalStatus(checkout.status))
  const initiallyTerminal = !!id && firstSeenRef.current.get(id) === true
  const watching = !!id && !initiallyTerminal
  const interval = !active && !confirming && !pending ? 0 : pending ? confirmCap(pollInterval) : confirming ? 0 : pollInterval
  const { checkout: fresh, refresh } = useCheckoutStatus(watching ? id : null, { refreshInterval: interval })
  const current = fresh?.id === id ? fresh : (checkout ?? undefined)
  const status = current?.status

  // One read at a time from hints: a burst of them (a landing and a message) asks once.
  const inFlightRef = useRef<Promise<unknown> | undefined>(undefined)
  const ask = useCallback(() => {
    inFlightRef.current ??= refresh()
      .catch(() => undefined)
      .finally(() => {
        inFlightRef.current = undefined
      })
    return inFlightRef.current
  }, [refresh])

  // A checkout handed over already complete or expired was decided before: nothing to announce.
  const announcedRef = useRef(new Set<string>())
  if (id && initiallyTerminal && !options.announceDecided) announcedRef.current.add(id)
  useEffect(() => {
    if (!id || !current || !isTerminalStatus(current.status) || announcedRef.current.has(id)) return
    announcedRef.current.add(id)
    setConfirmingId(undefined)
    setPendingId(undefined)
    const handlers = latestRef.current
    if (current.status === 'complete') handlers.onSuccess?.(current)
    else handlers.onExpire?.(current)
  }, [id, current, latestRef])

  // Confirming: read at once, then back off; once the reads run out, `pending`. Each read is its own,
  // started after the landing: one asked before it may predate the payment, or never answer.
  useEffect(() => {
    if (!confirming || pending) return
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    let attempt = 0
    const step = () =>
      void refresh()
        .catch(() => undefined)
        .then(() => {
          if (!live) return
          if (++attempt >= confirmAttempts) setPendingId(id)
          else timer = setTimeout(step, confirmDelay(attempt, pollInterval))
        })
    step()
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [confirming, pending, id, pollInterval, refresh])

  useEffect(() => {
    if (pending && current && current.status === 'open') latestRef.current.onPending?.(current)
    // Once per entry into `pending`, not per answer.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [pending])

  const phase: CheckoutPhase = status === 'complete' || status === 'expired' ? status : pending ? 'pending' : confirming ? 'confirming' : 'open'
  useEffect(() => {
    latestRef.current.onPhaseChange?.(phase)
  }, [phase, latestRef])

  // One step away, one onCancel: the page's message and the frame's landing both report it. Shown again, it may recur.
  const cancelledRef = useRef<string | undefined>(undefined)
  useEffect(() => {
    if (active) cancelledRef.current = undefined
  }, [active])

  const hint = useCallback(
    (kind: CheckoutHint) => {
      const target = latestRef.current.checkout
      if (!target || announcedRef.current.has(target.id)) return
      if (kind === 'complete') return setConfirmingId(target.id)
      if (kind === 'cancelled') {
        if (cancelledRef.current === target.id) return
        cancelledRef.current = target.id
        latestRef.current.onCancel?.(target)
      }
      void ask()
    },
    [ask, latestRef],
  )

  return { phase, checkout: current, hint }
}
