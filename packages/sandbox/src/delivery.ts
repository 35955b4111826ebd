/**
 * How a callback is sent, for rehearsing failure: `send` as Payfect does; `twice`
 * (a duplicate series right after); `late` (after `delayMs`); `hold` (until
 * `deliver` releases it, so two checkouts' callbacks can arrive in any order);
 * `drop` (recorded and signed, never sent, to exercise reconciliation).
 */
export type CallbackMode = { kind: 'send' } | { kind: 'twice' } | { kind: 'late'; delayMs: number } | { kind: 'hold' } | { kind: 'drop' }

/** Why a delivery was made: the first series, a retry, or one of the rehearsals. */
export type DeliveryKind = 'callback' | 'retry' | 'duplicate' | 'late' | 'held' | 'resend' | 'replay' | 'dropped'

/** One attempt to deliver a checkout's success callback, recorded with exactly what was sent. */
export interface Delivery {
  id: string
  checkoutId: string
  /** 1 for the first try of a series, counting up through its retries. */
  attempt: number
  kind: DeliveryKind
  /** Where the callback was POSTed (or would have been, when dropped). */
  url: string
  /** When it was sent, in Unix ms. */
  at: number
  /** The exact JSON body. */
  body: string
  /** The `X-Payfect-Signature` sent with it: a Fernet token of `body`. */
  signature: string
  /** The receiver's HTTP status, or `null` when no response came (refused, timed out, dropped). */
  status: number | null
  /** The start of the receiver's answer when it refused (not a 2xx), so a merchant sees why. */
  responseBody?: string
  /** Why no response came, or what the sandbox made of a bad one. */
  error?: string
  /** Whether the receiver acknowledged it with a 2xx. */
  ok: boolean
  /** For a replay: the delivery it repeats byte for byte. */
  replayOf?: string
}

/** A callback not sent yet: held for `deliver`, or due later. */
export interface PendingCallback {
  checkoutId: string
  kind: 'held' | 'late'
  /** When a late one is due, Unix ms. */
  dueAt?: number
}
