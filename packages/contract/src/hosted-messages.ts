/**
 * What a hosted checkout page may post to its parent frame or opener. Payfect's live page
 * documents none, so these are hints only: each makes the kit read the status from the route.
 * The version lets the page and the kit evolve apart; a reader ignores versions it doesn't know.
 */
export const hostedMessageVersion = 1

/** The `source` of every hosted-page message. */
export const hostedMessageSource = 'payfect'

/** The message names, by what they hint at. */
export const hostedMessageTypes = {
  /** The page's DOM is parsed: the frame can be shown before its `load`. */
  ready: 'checkout.ready',
  /** The shopper paid (pending the route's word). */
  complete: 'checkout.complete',
  /** The shopper stepped away; the checkout stays payable. */
  cancelled: 'checkout.cancelled',
  /** The page says the checkout expired. */
  expired: 'checkout.expired',
} as const

export type HostedMessageHint = keyof typeof hostedMessageTypes
export type HostedMessageType = (typeof hostedMessageTypes)[HostedMessageHint]

export interface HostedMessage {
  source: typeof hostedMessageSource
  version: typeof hostedMessageVersion
  type: HostedMessageType
  /** The checkout the page shows. */
  id: string
}

/** The message a hosted page posts for `hint` about checkout `id`. */
export function hostedMessage(hint: HostedMessageHint, id: string): HostedMessage {
  return { source: hostedMessageSource, version: hostedMessageVersion, type: hostedMessageTypes[hint], id }
}

const hints = new Map(Object.entries(hostedMessageTypes).map(([hint, type]) => [type as string, hint as HostedMessageHint]))

/** The hint a message's data carries, or `null` for anything else (another shape, source or version). */
export function readHostedMessage(data: unknown): { hint: HostedMessageHint; id: string } | null {
  if (typeof data !== 'object' || data === null) return null
  const { source, version, type, id } = data as Record<string, unknown>
  if (source !== hostedMessageSource || version !== hostedMessageVersion || typeof id !== 'string' || typeof type !== 'string') return null
  const hint = hints.get(type)
  return hint ? { hint, id } : null
}
