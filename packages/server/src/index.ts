// The public surface of @payfect/server, everything: named exports only. Smaller entries:
// `/checkout`, `/webhooks`, `/client`, `/testing`; the Node adapter is `/node`.

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
export { parsePayfectTime } from './time'
export { VERSION } from './version'
export type { PayfectEnv } from './environment'

export * from './client/index'
export * from './checkout/index'
export * from './webhooks/index'
