/**
 * The JSON the sandbox answers with, typed from Payfect's docs (payfect-doc,
 * `docs/payment/create.md`, `callback.md`), not from any client: camelCase
 * resources, a snake_case callback, money as decimal strings.
 */

/** `open` → `complete` or `expired`; the docs list no other. */
export type CheckoutStatus = 'open' | 'complete' | 'expired'

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
  currency: string
  unitAmount: string
}

export interface InvoiceItem {
  id: string
  price: string
  priceData: PriceData
  quantity: number
  amount: string
}

export interface PaymentMethodOptions {
  crypto: Array<{
    currency: { value: string; name: string; logo: string }
    networks: Array<{ value: string; name: string }>
  }> | null
  // Always null in the docs; its shape is undocumented.
  card: unknown
}

export interface Checkout {
  id: string
  merchant: { id: string; name: string }
  nameCollection: boolean
  emailCollection: boolean
  phoneNumberCollection: boolean
  shippingAddressCollection: string[] | null
  invoiceItems: InvoiceItem[]
  amountTotal: string
  status: CheckoutStatus
  createdAt: string
  updatedAt: string
  clientReferenceId: string | null
  currency: string
  successUrl: string | null
  cancelUrl: string | null
  expiresAt: string
  paymentIntent: string
  paymentMethodTypes: string[]
  paymentMethodOptions: PaymentMethodOptions
  url: string
  metadata: Record<string, unknown> | null
  isLivemode: boolean
}

export interface PaymentLink {
  id: string
  merchant: { id: string; name: string }
  url: string
  invoiceItems: InvoiceItem[]
  amountTotal: string
  nameCollection: boolean
  emailCollection: boolean
  phoneNumberCollection: boolean
  shippingAddressCollection: string[] | null
  createdAt: string
  isLivemode: boolean
}

/** The success callback's body, snake_case, keys in the documented order. */
export interface CallbackEvent {
  id: string
  amount: string
  status: 'succeeded'
  currency: string
  merchant: string
  is_livemode: boolean
  payment_intent: string
  payment_method: { id: string; payment_method_detail: { network: string; currency: string } }
  client_reference_id: string | null
}

/** The part of a checkout the hosted page shows; Storybook's generator renders the page from it too. */
export type CheckoutView = Pick<
  Checkout,
  'id' | 'merchant' | 'invoiceItems' | 'amountTotal' | 'status' | 'createdAt' | 'currency' | 'successUrl' | 'cancelUrl' | 'expiresAt' | 'paymentMethodOptions'
>
