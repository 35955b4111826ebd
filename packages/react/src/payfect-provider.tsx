'use client'

import { useMemo, useRef, type ReactNode } from 'react'
import { toHostedOrigin } from '@payfect/contract'
import { createCheckoutClient, type CheckoutClient } from './core/http-client'
import { resolveMessages, type PayfectMessages } from './core/messages'
import { warn } from './core/warn'
import type { Checkout, CreateCheckoutParams } from './core/types'
import { PayfectContext, type PayfectContextValue } from './payfect-context'

export interface PayfectProviderProps {
  children?: ReactNode
  /**
   * The merchant's checkout route (made with `createCheckoutHandler` from `@payfect/server`).
   * @defaultValue '/api/payfect/checkouts'
   */
  endpoint?: string
  /**
   * Replaces the `POST {endpoint}` request: for tests, Storybook or a custom backend.
   * @example
   * <PayfectProvider createCheckout={async ({ items }) => myApi.checkout(items)}>
   */
  createCheckout?: (params: CreateCheckoutParams) => Promise<Checkout>
  /**
   * Replaces the `GET {endpoint}?id=` status request, like `createCheckout` does for creation.
   */
  getCheckout?: (id: string) => Promise<Checkout>
  /**
   * The `fetch` used for the endpoint.
   * @defaultValue globalThis.fetch
   */
  fetch?: typeof globalThis.fetch
  /**
   * Extra request headers, or a function returning them per request.
   * @example
   * <PayfectProvider headers={() => ({ 'X-CSRF-Token': readCsrfToken() })}>
   */
  headers?: HeadersInit | (() => HeadersInit)
  /**
   * A BCP 47 tag for formatting amounts. The strings come from `messages`: English
   * is built in, other locales are their own entries (`@payfect/react/locales/zh-TW`).
   * @defaultValue 'en'
   */
  locale?: string
  /**
   * The strings to show: a locale's (`zhTW`), overrides for any English string, or both
   * spread together. Keys left out fall back to English.
   * @example
   * import { zhTW } from '@payfect/react/locales/zh-TW'
   *
   * <PayfectProvider locale="zh-TW" messages={{ ...zhTW, payWithCrypto: '用 USDT 付款' }}>
   */
  messages?: Partial<PayfectMessages>
  /**
   * Pins the hosted checkout's origin: when set, the kit navigates to, frames or opens a
   * checkout only on this origin, whatever the route announces (and preconnects to it on
   * hover). Unset, it trusts the `hostedOrigin` the route announces for each checkout.
   * @example
   * <PayfectProvider checkoutOrigin="https://buy.payfect.finance">
   */
  checkoutOrigin?: string
  /**
   * How often an open checkout's status is polled, in milliseconds.
   * @defaultValue 3000
   */
  pollInterval?: number
  /**
   * Milliseconds the modal waits for a sign of life from the hosted page (its `load` or a ready
   * message) before it points the shopper to "Open in a new window" and calls `onFallback` with
   * `ready-timeout`. No default: Payfect's live page posts nothing, and a slow network is no failure.
   * @example
   * <PayfectProvider readyTimeoutMs={8000}>
   */
  readyTimeoutMs?: number
  /**
   * Asks the route's framing probe (`GET {endpoint}?embeddable`, when the route has it turned on)
   * on hover or focus whether the hosted page may be framed here; when it may not, a click opens a
   * popup instead of the modal (or redirects when the popup is blocked) and calls `onFallback`
   * with `frame-refused`. The click never waits on the probe.
   * @defaultValue false
   */
  framingProbe?: boolean
}

/**
 * Configures every `@payfect/react` hook and component below it. Holds no secret:
 * it talks only to the merchant's own route handler.
 *
 * @example
 * <PayfectProvider endpoint="/api/payfect/checkouts">
 *   <CheckoutButton items={[{ price: 'pro-plan' }]} />
 * </PayfectProvider>
 */
export function PayfectProvider(props: PayfectProviderProps) {
  const { children, endpoint = '/api/payfect/checkouts', locale = 'en', messages, checkoutOrigin, pollInterval = 3000, readyTimeoutMs, framingProbe = false } = props
  const { createCheckout, getCheckout, fetch, headers } = props
  const lastOriginRef = useRef<string | undefined>(undefined)
  const pinnedOrigin = checkoutOrigin === undefined ? undefined : toHostedOrigin(checkoutOrigin)
  if (process.env.NODE_ENV !== 'production' && checkoutOrigin !== undefined && !pinnedOrigin) {
    warn(`checkoutOrigin="${checkoutOrigin}" is not an https origin (http only on loopback): no checkout will be shown. Pass an origin like "https://buy.payfect.finance".`)
  }

  const client = useMemo<CheckoutClient>(
    () => createCheckoutClient({ endpoint, fetch, headers, createCheckout, getCheckout, pinnedOrigin: checkoutOrigin === undefined ? undefined : (pinnedOrigin ?? 'null') }),
    [endpoint, fetch, headers, createCheckout, getCheckout, checkoutOrigin, pinnedOrigin],
  )

  if (process.env.NODE_ENV !== 'production' && createCheckout && !getCheckout) {
    warn(`createCheckout is set but getCheckout is not: statuses are read from GET ${endpoint}?id=, which decides every outcome. Pass getCheckout too, or make sure the route answers it.`)
  }
  // The framing probe's answer, asked once per provider on hover or focus.
  const framingRef = useRef<{ answer: boolean | null | undefined; asked: boolean }>({ answer: undefined, asked: false })

  const overrides = messages ? JSON.stringify(messages) : ''
  if (process.env.NODE_ENV !== 'production' && !overrides && !/^en\b/i.test(locale)) {
    warn(
      `locale="${locale}" formats amounts only; the strings stay English until you pass them: ` +
        `import { zhTW } from '@payfect/react/locales/zh-TW' (or your own) and <PayfectProvider locale="${locale}" messages={zhTW}>.`,
    )
  }
  const value = useMemo<PayfectContextValue>(
    () => ({
      endpoint,
      locale,
      messages: resolveMessages(overrides ? (JSON.parse(overrides) as Partial<PayfectMessages>) : undefined),
      pollInterval,
      readyTimeoutMs,
      client,
      probeFraming: () => {
        if (!framingProbe || framingRef.current.asked) return
        framingRef.current.asked = true
        void client.embeddable().then((answer) => {
          framingRef.current.answer = answer
        })
      },
      framing: () => framingRef.current.answer,
      checkoutOrigin: checkoutOrigin === undefined ? undefined : (pinnedOrigin ?? 'null'),
      checkoutOrigins: () => [pinnedOrigin, lastOriginRef.current].filter((origin): origin is string => !!origin),
      rememberCheckout: (checkout) => {
        lastOriginRef.current = checkout.hostedOrigin
      },
    }),
    [endpoint, locale, overrides, pollInterval, readyTimeoutMs, framingProbe, client, checkoutOrigin, pinnedOrigin],
  )

  return <PayfectContext.Provider value={value}>{children}</PayfectContext.Provider>
}
