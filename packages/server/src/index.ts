// The public surface of @payfect/server: named exports only.

export {
  PayfectError,
  PayfectInvalidRequestError,
  PayfectAuthenticationError,
  PayfectPermissionError,
  PayfectNotFoundError,
  PayfectRateLimitError,
  PayfectAPIError,
  PayfectConnectionError,
  PayfectConfigurationError,
  PayfectSignatureError,
  errorFromResponse,
} from './errors'
export type { PayfectErrorType, FieldErrors, SignatureFailureReason } from './errors'

export type * from './types'

// client (http.ts, client.ts, validate.ts) ------------------------------------
export { Payfect, DEFAULT_BASE_URL } from './client'
export type { PayfectOptions, CheckoutsResource, ProductsResource, PricesResource, PaymentLinksResource } from './client'
export type { RequestOptions } from './http'
export {
  validateCheckoutCreateParams,
  validateProductCreateParams,
  validatePriceCreateParams,
  validatePaymentLinkCreateParams,
  validateId,
} from './validate'
export { parsePayfectTime } from './time'
export { VERSION } from './version'

// decimal.ts -------------------------------------------------------------------
export { isDecimalString, parseDecimal, addDecimals, multiplyDecimal, formatDecimal, compareDecimals, MAX_FRACTION_DIGITS } from './decimal'
export type { Decimal } from './decimal'

// checkout route handler (checkout-handler.ts) --------------------------------
export { createCheckoutHandler } from './checkout-handler'
export type { CheckoutHandler, CheckoutHandlerOptions } from './checkout-handler'
export type { CheckoutsApi } from './handler/checkout-handler-options'
export type { CatalogItem, Catalog } from './handler/catalog'
export type { CheckoutSummary } from './handler/checkout-summary'
export type { CheckoutRequestBody, CheckoutRequestItem, RequestedItem, ValidatedCheckoutBody } from './handler/checkout-request-body'
export type { CheckoutErrorBody } from './handler/json-response'
export type { UrlOption } from './handler/url-option'

// The node:http adapter, toNodeHandler, is the subpath `@payfect/server/node` (node.ts),
// so edge bundles of this entry never carry it.

// webhooks (fernet.ts, webhooks.ts) ---------------------------------------------
export { fernet } from './fernet'
export type { FernetEncryptOptions, FernetDecryptOptions } from './fernet'
export type { FernetCryptoName } from './crypto-provider'
export { verifyWebhook, createWebhookHandler } from './webhooks'
export type { VerifyWebhookOptions, WebhookHandlerOptions } from './webhooks'

// framing (framing/): may the shop frame the hosted checkout page? -------------
export { decideFraming, checkFrameSrc, diagnoseFraming, formatFramingReport, createFramingProbe } from './framing'
export type {
  DecideFramingInput,
  FramingDecision,
  FramingHeader,
  FrameAncestorsDirective,
  XFrameOptions,
  XFrameOptionsKind,
  FrameSrcInput,
  FrameSrcRefusal,
  DiagnoseFramingOptions,
  FramingReport,
  FramingFinding,
  FramingFindingCode,
  FramingProbe,
  FramingProbeOptions,
  FramingQuestion,
} from './framing'
