'use client'

import { createContext } from 'react'
import type { CheckoutClient } from './core/http-client'
import type { PayfectMessages } from './core/messages'

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
  /**
   * Creates and reads checkouts (the provider's `createCheckout`/`getCheckout`, or the endpoint).
   * `create` shares one promise while a creation is in flight; both reject with `CheckoutError`.
   */
  client: CheckoutClient
  /** Origins worth preconnecting to: `checkoutOrigin` and the last checkout URL's (`preconnect` skips repeats). */
  checkoutOrigins(): string[]
  /** Records a checkout URL's origin for later preconnects. */
  rememberCheckoutUrl(url: string): void
}

export const PayfectContext = createContext<PayfectContextValue | null>(null)
PayfectContext.displayName = 'PayfectContext'
