// `@payfect/server/checkout`: the route behind the React kit.
export { createCheckoutHandler } from './handler'
export type { CheckoutHandler } from './handler'
export type { CheckoutHandlerOptions, UrlOption } from './options'
export type { CatalogItem, Catalog } from './catalog'
export type { CheckoutRequestBody, RequestedItem, ValidatedCheckoutBody } from './checkout-request-body'
export { PayfectInvalidRequestError, PayfectPermissionError, PayfectConfigurationError } from '../errors'
export type { CheckoutSummary, ErrorEnvelope, WireError, Payment } from '@payfect/contract'
