// The public surface of @payfect/react: named exports only.

export { PayfectProvider } from './payfect-provider'
export type { PayfectProviderProps } from './payfect-provider'
export type { PayfectContextValue } from './payfect-context'
export { usePayfect } from './use-payfect'

export { useCreateCheckout } from './use-create-checkout'
export type { UseCreateCheckoutResult } from './use-create-checkout'
export { useCheckoutStatus } from './use-checkout-status'
export type { UseCheckoutStatusOptions, UseCheckoutStatusResult } from './use-checkout-status'
export { useCheckoutReturn } from './use-checkout-return'
export type { UseCheckoutReturnOptions, UseCheckoutReturnResult } from './use-checkout-return'

export { CheckoutButton } from './checkout-button'
export type { CheckoutButtonProps, CheckoutButtonStatus, CheckoutMode } from './checkout-button'
export { CheckoutModal } from './lazy-checkout-modal'
export type { CheckoutModalProps } from './checkout-modal'
export type { CheckoutOutcomeHandlers, CheckoutPhase } from './use-checkout-outcome'

export { CheckoutError } from './core/errors'
export type { CheckoutErrorType, CheckoutFieldErrors } from './core/errors'
export { formatAmount } from './core/format-amount'
export { en } from './core/messages'
export type { PayfectMessages, PayfectLocale } from './core/messages'
export type { Checkout, CheckoutSummary, CheckoutItem, CheckoutStatus, CreateCheckoutParams, FallbackReason } from './core/types'
