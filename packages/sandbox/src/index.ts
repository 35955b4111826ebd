// The public surface of @payfect/sandbox: named exports only.

export { startSandbox } from './start-sandbox'
export type { Framing } from './framing'
export type { Sandbox, SandboxOptions, SandboxMerchant, SandboxState, Delivery, PendingCallback, CallbackMode, DeliveryKind } from './types'
