'use client'

import { useCallback, useEffect, useReducer, useRef, useState } from 'react'
import { createCheckoutMachine, type CheckoutMachineEvent, type CheckoutMachineState } from './core/checkout-machine'
import { readPayfectMessage } from './core/message-protocol'
import { classifyReturn } from './core/return-url'
import { timeToExpiry } from '@payfect/contract'
import type { Checkout } from './core/types'
import { useLatestRef } from './use-latest-ref'
import { usePayfect } from './use-payfect'

// setTimeout fires at once for delays above 2^31-1 ms (about 24.8 days).
const maxDelay = 2 ** 31 - 1

/** What happened to a checkout the shopper had open. Each fires at most once per checkout. */
export interface CheckoutOutcomeHandlers {
  /**
   * Called once when the checkout is paid, whichever signal comes first (the page's
   * message, a status poll, or the frame or popup landing on `successUrl`). Fulfil the
   * order from the verified webhook, not from here: this is for the shopper's screen.
   * @example
   * <CheckoutButton items={items} onSuccess={(checkout) => router.push(`/orders/${checkout.id}`)} />
   */
  onSuccess?: ((checkout: Checkout) => void) | undefined
  /**
   * Called once when the shopper cancels on the checkout page itself (closing the
   * modal or popup is not a cancel: that is `onClose`). The button returns to `idle`.
   * @example
   * <CheckoutButton items={items} onCancel={() => toast('Your cart is saved.')} />
   */
  onCancel?: ((checkout: Checkout) => void) | undefined
  /**
   * Called once when the checkout expires unpaid (from `expiresAt`, a poll or the page).
   * The button shows an alert with a retry that creates a new checkout.
   * @example
   * <CheckoutButton items={items} onExpire={(checkout) => log('expired', checkout.id)} />
   */
  onExpire?: ((checkout: Checkout) => void) | undefined
}

export interface CheckoutTrackerOptions extends CheckoutOutcomeHandlers {
  checkout: Checkout | null | undefined
  /** Listen, poll and time out only while `true` (the modal is open, the popup is up). */
  active: boolean
  /** The window whose messages count: the iframe's `contentWindow` or the popup. */
  getSource: () => Window | null | undefined
}

export interface CheckoutTracker {
  state: CheckoutMachineState | undefined
  /** Reports the location the frame or popup is on (`undefined` while unreadable: ignored). */
  landed: (href: string | undefined) => void
  /** Asks the status endpoint once and settles `complete`/`expired`; `cancelIfOpen` settles the rest as cancelled. */
  check: (cancelIfOpen?: boolean) => void
}

/**
 * Joins the three completion signals (page messages, status polling, the frame
 * or popup returning to the merchant's origin) and the local expiry timer into
 * one state machine, so each outcome callback fires exactly once.
 */
export function useCheckoutTracker(options: CheckoutTrackerOptions): CheckoutTracker {
  const { checkout, active } = options
  const { client, pollInterval } = usePayfect()
  const latestRef = useLatestRef(options)
  const id = checkout?.id
  const initialStatus = checkout?.status
  // One machine per checkout id, seeded with the status it had when first seen: a
  // caller passing fresher copies of the same checkout must not restart the machine.
  const [entry, setEntry] = useState(() => ({ id, machine: id ? createCheckoutMachine(initialStatus) : undefined }))
  let machine = entry.machine
  if (entry.id !== id) {
    machine = id ? createCheckoutMachine(initialStatus) : undefined
    setEntry({ id, machine })
  }
  const [, rerender] = useReducer((count: number) => count + 1, 0)
  const state = machine?.state

  const send = useCallback(
    (event: CheckoutMachineEvent) => {
      const current = latestRef.current.checkout
      if (!machine || !current || !machine.send(event)) return
      rerender()
      const handler = { complete: 'onSuccess', expired: 'onExpire', cancelled: 'onCancel', open: undefined }[machine.state]
      if (handler) latestRef.current[handler as keyof CheckoutOutcomeHandlers]?.(current)
    },
    [machine, latestRef],
  )

  // Listeners stay on after an outcome (the machine ignores late signals); polling stops.
  const listening = active && !!checkout
  const tracking = listening && state === 'open'
  const settle = useCallback(
    (status: string, cancelIfOpen?: boolean) => {
      if (status === 'complete') send('complete')
      else if (status === 'expired') send('expire')
      else if (cancelIfOpen) send('cancel')
    },
    [send],
  )
  // Plain polling rather than useCheckoutStatus: swr then stays out of the button's and modal's bundle.
  // The client is read through a ref: a provider given inline `headers` or `fetch` makes a new one
  // per render, which must not restart (or starve) the poll.
  const clientRef = useLatestRef(client)
  const trackedRef = useRef<string | undefined>(undefined)
  useEffect(() => {
    if (!tracking || !id || !pollInterval) return
    let live = true
    const poll = () => {
      if (document.visibilityState !== 'hidden') clientRef.current.retrieve(id).then((fresh) => live && settle(fresh.status), () => undefined)
    }
    // A checkout shown for the first time was just created (or handed over) with its status: the first
    // poll waits an interval. Shown again, it may have moved on meanwhile (paid in another tab): poll now.
    if (trackedRef.current === id) poll()
    trackedRef.current = id
    const timer = setInterval(poll, pollInterval)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [tracking, id, pollInterval, clientRef, settle])

  const expiresIn = checkout ? timeToExpiry(checkout) : undefined
  useEffect(() => {
    if (!tracking || expiresIn === undefined) return
    const delay = Math.max(0, expiresIn)
    if (delay > maxDelay) return
    const timer = setTimeout(() => send('expire'), delay)
    return () => clearTimeout(timer)
  }, [tracking, expiresIn, send])

  const origin = checkout?.hostedOrigin
  useEffect(() => {
    if (!listening) return
    function onMessage(event: MessageEvent) {
      const hint = readPayfectMessage(event, { origin, source: latestRef.current.getSource(), checkoutId: id })
      if (hint && hint !== 'ready') send(hint === 'expired' ? 'expire' : hint === 'cancelled' ? 'cancel' : 'complete')
    }
    window.addEventListener('message', onMessage)
    return () => window.removeEventListener('message', onMessage)
  }, [listening, origin, id, send, latestRef])

  const check = useCallback(
    (cancelIfOpen = false) => {
      if (id) client.retrieve(id).then((fresh) => settle(fresh.status, cancelIfOpen), () => settle('', cancelIfOpen))
    },
    [client, id, settle],
  )

  const landed = useCallback(
    (href: string | undefined) => {
      const current = latestRef.current.checkout
      if (!current) return
      const kind = classifyReturn(href, current)
      if (kind === 'success') send('complete')
      else if (kind === 'cancel') send('cancel')
      else if (kind === 'unknown') check(true)
    },
    [send, check, latestRef],
  )

  return { state, landed, check }
}
