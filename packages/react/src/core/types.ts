// The wire types come from the contract (@payfect/contract), defined once for the kit, the route and the hosted page.
import type { CheckoutSummary } from '@payfect/contract'

export type { CheckoutSummary, CheckoutStatus, CheckoutItem, CreateCheckoutParams, FallbackReason } from '@payfect/contract'
export { isTerminalStatus } from '@payfect/contract'

/** A checkout as the merchant's route returns it: the contract's `CheckoutSummary`. */
export type Checkout = CheckoutSummary
