import { readHostedMessage, type HostedMessageHint } from '@payfect/contract'

export interface MessageGuard {
  /** The checkout's hosted origin; messages from any other origin (and the opaque `"null"`) are ignored. */
  origin: string | undefined
  /** The iframe's `contentWindow` or the popup; messages from any other window are ignored. */
  source: unknown
  /** When known, messages about another checkout are ignored too. */
  checkoutId?: string | undefined
}

/**
 * Reads the hint of a hosted-page `message` event (the contract's versioned messages), or `null`
 * for anything else: another origin, another window, another checkout, another shape or version.
 */
export function readPayfectMessage(event: Pick<MessageEvent, 'origin' | 'source' | 'data'>, guard: MessageGuard): HostedMessageHint | null {
  // A data: or sandboxed page has the opaque origin "null": it never speaks for a checkout.
  if (!guard.origin || guard.origin === 'null' || event.origin !== guard.origin) return null
  if (!guard.source || event.source !== guard.source) return null
  const message = readHostedMessage(event.data)
  if (!message || (guard.checkoutId && message.id !== guard.checkoutId)) return null
  return message.hint
}
