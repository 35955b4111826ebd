/**
 * The shapes of the Payfect REST API. Request params are typed as the API takes
 * them (snake_case); responses as it returns them (camelCase), including its
 * documented quirks. Money is always a decimal string, never a number.
 */

/** A decimal amount as a string: `"20.5"`, `"20.00"`. No exponent, no float. */
export type DecimalString = string

/** A crypto currency code in lower case, as the API takes it (`usdt`). */
export type CurrencyCode = 'usdt' | (string & {})

import type { CheckoutStatus } from '@payfect/contract'

export type { CheckoutStatus }

// ---------------------------------------------------------------- requests

export interface ProductDataParams {
  name: string
  description?: string
  images?: string[]
}

export interface PriceDataParams {
  currency: CurrencyCode
  /** A non-negative decimal string, e.g. `"20.5"`. */
  unit_amount: DecimalString
  product_data: ProductDataParams
}

/** Either a stored price by id, or an inline price — exactly one of the two. */
export type InvoiceItemParams =
  | { price: string; price_data?: never; quantity: number }
  | { price_data: PriceDataParams; price?: never; quantity: number }

export interface PaymentMethodDataParams {
  type: 'cryptopaymentmethoddetail' | (string & {})
  paymentMethodDetail?: { currency: CurrencyCode; network: 'tron' | (string & {}) }
}

export interface CheckoutCreateParams {
  currency: CurrencyCode
  invoice_items: InvoiceItemParams[]
  /** The merchant's own order id; echoed back and in the callback. */
  client_reference_id?: string
  success_url?: string
  cancel_url?: string
  callback_url?: string
  payment_method_data?: PaymentMethodDataParams
  payment_method_types?: string[]
}

export interface ProductCreateParams {
  name: string
  description?: string
  images?: string[]
}

export interface PriceCreateParams {
  product: string
  currency: CurrencyCode
  unit_amount: DecimalString
}

export interface PaymentLinkCreateParams {
  invoice_items: InvoiceItemParams[]
  name_collection?: boolean
  email_collection?: boolean
  phone_number_collection?: boolean
  /** Country codes to collect a shipping address for, e.g. `["TW"]`. */
  shipping_address_collection?: string[] | null
}

// ---------------------------------------------------------------- responses

export interface ProductData {
  id: string
  name: string
  description: string | null
  images: string[]
}

export interface PriceData {
  id: string
  product: string
  productData: ProductData
  currency: CurrencyCode
  unitAmount: DecimalString
}

export interface InvoiceItem {
  id: string
  price: string
  priceData: PriceData
  quantity: number
  amount: DecimalString
}

export interface PaymentMethodOptions {
  crypto: Array<{
    currency: { value: string; name: string; logo: string }
    networks: Array<{ value: string; name: string }>
  }> | null
  card: unknown
}

export interface Checkout {
  id: string
  merchant: { id: string; name: string }
  nameCollection: boolean
  emailCollection: boolean
  phoneNumberCollection: boolean
  shippingAddressCollection: Record<string, unknown> | string[] | null
  invoiceItems: InvoiceItem[]
  amountTotal: DecimalString
  status: CheckoutStatus
  /** Unix seconds with a fraction, as a string: `"1690532072.288761"`. See `parsePayfectTime`. */
  createdAt: string
  updatedAt: string
  clientReferenceId: string | null
  currency: CurrencyCode
  successUrl: string | null
  cancelUrl: string | null
  /** Seen both as Unix milliseconds in a string and as ISO-8601. See `parsePayfectTime`. */
  expiresAt: string
  paymentIntent: string | null
  paymentMethodTypes: string[]
  paymentMethodOptions: PaymentMethodOptions
  /** The hosted checkout page to send the shopper to. */
  url: string
  metadata: Record<string, unknown> | null
  isLivemode: boolean
}

export interface Product {
  id: string
  name: string
  description: string | null
  images: string[]
  [key: string]: unknown
}

export interface Price {
  id: string
  product: string
  currency: CurrencyCode
  unitAmount: DecimalString
  [key: string]: unknown
}

export interface PaymentLink {
  id: string
  url: string
  invoiceItems: InvoiceItem[]
  nameCollection: boolean
  emailCollection: boolean
  phoneNumberCollection: boolean
  shippingAddressCollection: Record<string, unknown> | string[] | null
  [key: string]: unknown
}

// ---------------------------------------------------------------- webhooks

/** The success callback Payfect POSTs after a checkout is paid (snake_case, as sent). */
export interface WebhookEvent {
  id: string
  amount: DecimalString
  status: 'succeeded' | (string & {})
  currency: CurrencyCode
  merchant: string
  is_livemode: boolean
  payment_intent: string
  payment_method: {
    id: string
    payment_method_detail: { network: string; currency: CurrencyCode }
  }
  client_reference_id: string | null
}
