'use client'

import { createContext } from 'react'
import type { CheckoutClient } from './core/http-client'
import type { PayfectMessages } from './core/messages'
import type { Checkout } from './core/types'

/** What `usePayfect()` returns: the provider's resolved configuration. */
export interface PayfectContextValue {
  /** The merchant's checkout route. */
  endpoint: string
  /** The locale for amounts and built-in strings. */
  locale: string
  /** The built-in strings for `locale` with the provider's overrides applied. */
  messages: PayfectMessages
  /** How often an open checkout's status is polled, in milliseconds. */
  pollInterval: number
  /** The provider's `readyTimeoutMs`; `undefined` arms no ready timeout. */
  readyTimeoutMs: number | undefined
  /** Asks the route's framing probe once, when the provider's `framingProbe` is on (call on hover or focus). */
  probeFraming(): void
  /** The probe's answer: `false` when the hosted page may not be framed here; `undefined` until known. */
  framing(): boolean | null | undefined
  /**
   * Creates and reads checkouts (the provider's `createCheckout`/`getCheckout`, or the endpoint).
   * `create` shares one promise while a creation is in flight; both reject with `CheckoutError`.
   */
  client: CheckoutClient
  /**
   * The provider's `checkoutOrigin`, normalised: when set, the only origin a checkout may be
   * shown on (`"null"` when it was not a valid origin: then none is).
   */
  checkoutOrigin: string | undefined
  /** Origins worth preconnecting to: `checkoutOrigin` and the last checkout's (`preconnect` skips repeats). */
  checkoutOrigins(): string[]
  /** Records a checkout's hosted origin for later preconnects. */
  rememberCheckout(checkout: Checkout): void
}

export const PayfectContext = createContext<PayfectContextValue | null>(null)
PayfectContext.displayName = 'PayfectContext'
