// The public surface of @payfect/sandbox: named exports only.

export { startSandbox } from './start-sandbox'
export type { Framing } from './framing'
export type { CallbackAmount } from './callback-amount'
export type { Rates } from './currencies'
export type { UsdtQuote } from './quote'
export type { Sandbox, SandboxOptions, SandboxMerchant, SandboxState, Delivery, PendingCallback, CallbackMode, DeliveryKind } from './types'
// The API's own shapes as the sandbox answers them (its own types, not @payfect/server's).
export type { Checkout, CheckoutStatus, InvoiceItem, PriceData, ProductData, PaymentLink, PaymentMethodOptions, ShippingAddressCollection, CallbackEvent } from './api-types'
