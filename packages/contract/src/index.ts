// The wire contract: what the browser, the merchant's route and the hosted page say to each
// other. Bundled into each package that uses it; never Payfect's own API types.

export { checkoutStatuses, isCheckoutStatus, isTerminalStatus, cancelled } from './checkout-status'
export type { CheckoutStatus } from './checkout-status'
export { readCheckoutSummary, timeToExpiry } from './checkout-summary'
export type { CheckoutSummary, ReadSummaryResult } from './checkout-summary'
export { payfectHostedOrigins, isLoopbackHostname, parseUrl, toHostedOrigin, trustedCheckoutUrl, isHttpUrl } from './checkout-url'
export { createRequestKey } from './create-request'
export type { CheckoutItem, CreateCheckoutParams } from './create-request'
export { wireErrorTypes, isWireErrorType, readErrorEnvelope } from './error-envelope'
export type { WireErrorType, WireFieldErrors, WireError, ErrorEnvelope } from './error-envelope'
export { hostedMessageVersion, hostedMessageSource, hostedMessageTypes, hostedMessage, readHostedMessage } from './hosted-messages'
export type { HostedMessage, HostedMessageHint, HostedMessageType } from './hosted-messages'
export { fallbackReasons } from './fallback-reason'
export type { FallbackReason } from './fallback-reason'
export type { Payment } from './payment'
export { routeQuery } from './route-query'
export type { EmbeddableAnswer } from './route-query'
