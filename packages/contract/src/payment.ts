/**
 * A paid checkout, handed to the merchant's fulfilment, whether it came from a verified
 * webhook or from a status read. `amount` and `currency` are always the checkout's own,
 * as read back from Payfect; fulfil idempotently on `checkoutId`.
 */
export interface Payment {
  /** Payfect's checkout id: the idempotency key for fulfilment. */
  checkoutId: string
  /** The merchant's order id the checkout was created for, `null` when none. */
  clientReferenceId: string | null
  /** The checkout's total, a decimal string as Payfect has it (`"20.00"`). */
  amount: string
  /** The checkout's currency as Payfect has it. */
  currency: string
  /** `false` for test mode and the sandbox. */
  livemode: boolean
  /** What told us: the signed callback, or a status read that saw `complete`. */
  source: 'webhook' | 'status'
  /**
   * The callback's own values, kept beside the checkout's (webhook only). They are what
   * Payfect reported, not what decides: compare `amount`/`currency` with the order.
   */
  reported?: {
    amount: string | null
    currency: string | null
    status: string | null
  }
}
