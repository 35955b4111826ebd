/** Why the kit showed the checkout somewhere other than the modal's frame. */
export const fallbackReasons = [
  /** The hosted page may not be framed here (known before the click, from the framing probe). */
  'frame-refused',
  /** The provider's `readyTimeoutMs` passed with no sign of the page. */
  'ready-timeout',
  /** A popup was asked for and the browser blocked it. */
  'popup-blocked',
  /** The shopper chose the control outside the frame ("Open in a new window"). */
  'opened-by-shopper',
] as const

export type FallbackReason = (typeof fallbackReasons)[number]
