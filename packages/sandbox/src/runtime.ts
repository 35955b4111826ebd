import type { CallbackSender } from './callbacks'
import type { CallbackAmount } from './callback-amount'
import type { Rates } from './currencies'
import type { Framing } from './framing'
import type { Store } from './store'

/** What every handler needs: the store, where the sandbox is reachable, and its settings. */
export interface Runtime {
  store: Store
  /** The origin hosted pages are served from (`http://127.0.0.1:4010`); known once listening. */
  origin: string
  /** How long a new checkout stays open, in milliseconds. */
  ttlMs: number
  callbacks: CallbackSender
  /** The `Host` names the sandbox-only routes answer to (see `host-check.ts`). */
  allowedHosts: ReadonlySet<string>
  /** Units of each fiat currency per 1 USDT, for quotes. */
  rates: Rates
  /** Settings the dashboard can change while running. */
  settings: SandboxSettings
}

export interface SandboxSettings {
  /** How the hosted checkout page answers a frame. */
  framing: Framing
  /** What a fiat checkout's callback reports as `amount`. */
  callbackAmount: CallbackAmount
}
