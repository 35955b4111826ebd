// `@payfect/server/client`: the Payfect class for the whole API (validation, retries).
export { Payfect } from './payfect'
export type { PayfectOptions, CheckoutsResource, ProductsResource, PricesResource, PaymentLinksResource } from './payfect'
export type { RequestOptions } from './http'
export { DEFAULT_BASE_URL } from '../api/base-url'
export {
  validateCheckoutCreateParams,
  validateProductCreateParams,
  validatePriceCreateParams,
  validatePaymentLinkCreateParams,
  validateId,
} from './validate'
