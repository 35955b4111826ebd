import type { CheckoutMachineEvent } from './checkout-machine'

/**
 * What the hosted page posts to its opener or parent. The local sandbox posts all of these;
 * Payfect's live page documents none, so the kit only ever takes them as a shortcut:
 * `checkout.ready` (the page's DOM is parsed) lets the modal show the frame before its `load`.
 */
export interface PayfectMessage {
  source: 'payfect'
  type: 'checkout.ready' | 'checkout.complete' | 'checkout.cancel' | 'checkout.expired'
  id?: string
}

const events: Record<PayfectMessage['type'], CheckoutMachineEvent | null> = {
  'checkout.ready': null,
  'checkout.complete': 'complete',
  'checkout.cancel': 'cancel',
  'checkout.expired': 'expire',
}

/** The origin of a URL (`https://buy.payfect.finance`), or `undefined` when it is not a URL. */
export function originOf(url: string | null | undefined, base?: string): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url, base).origin
  } catch {
    return undefined
  }
}

export interface MessageGuard {
  /** The checkout page's origin; messages from any other origin are ignored. */
  origin: string | undefined
  /** The iframe's `contentWindow` or the popup; messages from any other window are ignored. */
  source: unknown
  /** When known, messages about another checkout are ignored too. */
  checkoutId?: string | undefined
}

/**
 * Reads the type of a `message` event from the checkout page, or returns `null` for
 * anything else: another origin, another window, another checkout, or another shape.
 */
export function readPayfectMessageType(event: Pick<MessageEvent, 'origin' | 'source' | 'data'>, guard: MessageGuard): PayfectMessage['type'] | null {
  if (!guard.origin || event.origin !== guard.origin) return null
  if (!guard.source || event.source !== guard.source) return null
  const data: unknown = event.data
  if (typeof data !== 'object' || data === null) return null
  const message = data as Partial<PayfectMessage>
  if (message.source !== 'payfect' || typeof message.type !== 'string' || !Object.hasOwn(events, message.type)) return null
  if (guard.checkoutId && message.id !== undefined && message.id !== guard.checkoutId) return null
  return message.type
}

/** Reads an outcome (`complete`, `cancel`, `expire`) from the checkout page's message, or `null` (see `readPayfectMessageType`). */
export function readPayfectMessage(event: Pick<MessageEvent, 'origin' | 'source' | 'data'>, guard: MessageGuard): CheckoutMachineEvent | null {
  const type = readPayfectMessageType(event, guard)
  return type && events[type]
}
