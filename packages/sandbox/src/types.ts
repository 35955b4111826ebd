/**
 * Public option and handle types of `@payfect/sandbox`, plus the records its
 * in-memory store keeps. Responses are built from the records by `serialize.ts`.
 */
import type { Checkout, CheckoutStatus } from './api-types'
import type { Delivery } from './pages/dashboard-page'

/** A merchant the sandbox knows: one API key, one webhook secret. */
export interface SandboxMerchant {
  /**
   * The secret API key, sent as `Authorization: Api-Key <key>`.
   * @example 'sk_test_4f1c…'
   */
  apiKey: string
  /**
   * Shown on the hosted checkout page and in `checkout.merchant.name`.
   * @defaultValue 'Sandbox Merchant'
   */
  name?: string
  /**
   * `checkout.merchant.id` and the callback's `merchant`.
   * @defaultValue a random UUID
   */
  id?: string
  /**
   * The Fernet key callbacks are signed with (base64url of 32 bytes).
   * @defaultValue a fresh key, as Python's `Fernet.generate_key()` makes
   */
  webhookSecret?: string
  /**
   * Where callbacks go when a checkout has no `callback_url` (the dashboard default on Payfect).
   * @defaultValue the sandbox's `callbackUrl` option, else no callback
   */
  callbackUrl?: string
}

/** Options of {@link startSandbox}. */
export interface SandboxOptions {
  /**
   * The TCP port; `0` picks a free one (read it from `sandbox.url`).
   * @defaultValue 0
   */
  port?: number
  /**
   * The address to listen on. Loopback by default: the sandbox has no real security.
   * @defaultValue '127.0.0.1'
   */
  host?: string
  /**
   * The API key of the default merchant. Ignored when `merchants` is given.
   * @defaultValue a generated `sk_test_…` key
   */
  apiKey?: string
  /**
   * The webhook secret of the default merchant (a Fernet key). Ignored when `merchants` is given.
   * @defaultValue a fresh key, as Python's `Fernet.generate_key()` makes
   */
  webhookSecret?: string
  /**
   * The default merchant's name. Ignored when `merchants` is given.
   * @defaultValue 'Sandbox Merchant'
   */
  merchantName?: string
  /**
   * Several merchants, each with its own key; the first is the one `sandbox.apiKey` reports.
   * @example [{ apiKey: 'sk_test_a', name: 'Shop A' }, { apiKey: 'sk_test_b', name: 'Shop B' }]
   */
  merchants?: SandboxMerchant[]
  /**
   * How long a checkout stays `open` before it becomes `expired`, in milliseconds.
   * @defaultValue 1_800_000 (30 minutes)
   */
  checkoutTtlMs?: number
  /**
   * The default callback URL for checkouts created without `callback_url`.
   * @defaultValue none: such checkouts send no callback
   * @example 'http://127.0.0.1:3000/api/payfect/webhook'
   */
  callbackUrl?: string
  /**
   * Delays between callback attempts; one attempt more than there are delays is made.
   * @defaultValue [1000, 5000, 25000, 60000, 300000] (6 attempts)
   */
  callbackRetryDelaysMs?: number[]
  /**
   * How long one callback attempt may take before it counts as failed, in milliseconds.
   * @defaultValue 10_000
   */
  callbackTimeoutMs?: number
  /**
   * The clock, in Unix milliseconds. Tests pass their own to move time without waiting.
   * @defaultValue Date.now
   */
  now?: () => number
}

/** One attempt to deliver a callback; the dashboard lists them. */
export type { Delivery }

/** Everything the sandbox holds, as `GET /_sandbox/state` returns it. Holds no key or secret. */
export interface SandboxState {
  merchants: Array<{ id: string; name: string }>
  checkouts: Array<{ checkout: Checkout; deliveries: Delivery[]; canceledAt: number | null }>
  products: unknown[]
  prices: unknown[]
  paymentLinks: unknown[]
}

/** A running sandbox. */
export interface Sandbox {
  /** The origin, e.g. `http://127.0.0.1:4010`. Hosted pages live under it. */
  url: string
  /** `url + '/api/v1'`: give it to `new Payfect({ baseUrl })`. */
  apiBase: string
  /** The first merchant's API key. */
  apiKey: string
  /** The first merchant's webhook secret: give it to `verifyWebhook`. */
  webhookSecret: string
  /** A snapshot of every checkout, delivery and other resource. */
  state(): SandboxState
  /** Resolves once no callback delivery is pending (in flight or waiting to retry). */
  callbacksSettled(): Promise<void>
  /** Stops listening, cancels pending callback retries and timers. */
  close(): Promise<void>
}

// ------------------------------------------------------------------ records

export interface MerchantRecord {
  id: string
  name: string
  apiKey: string
  webhookSecret: string
  callbackUrl: string | null
}

export interface ProductRecord {
  id: string
  merchantId: string
  name: string
  description: string | null
  images: string[]
  createdAt: number
}

export interface PriceRecord {
  id: string
  merchantId: string
  productId: string
  currency: string
  /** Formatted with at least 2 fraction digits. */
  unitAmount: string
  createdAt: number
}

/** An invoice line, resolved to its price when created. */
export interface LineRecord {
  id: string
  priceId: string
  quantity: number
}

export interface CheckoutRecord {
  id: string
  merchantId: string
  currency: string
  lines: LineRecord[]
  status: CheckoutStatus
  createdAt: number
  updatedAt: number
  expiresAt: number
  clientReferenceId: string | null
  successUrl: string | null
  cancelUrl: string | null
  callbackUrl: string | null
  paymentIntent: string
  paymentMethodTypes: string[]
  nameCollection: boolean
  emailCollection: boolean
  phoneNumberCollection: boolean
  shippingAddressCollection: string[] | null
  paymentLinkId: string | null
  canceledAt: number | null
  paidAt: number | null
  /** Set when paid: the callback's `payment_method.id`. */
  paymentMethodId: string | null
}

export interface PaymentLinkRecord {
  id: string
  merchantId: string
  lines: LineRecord[]
  nameCollection: boolean
  emailCollection: boolean
  phoneNumberCollection: boolean
  shippingAddressCollection: string[] | null
  createdAt: number
}
