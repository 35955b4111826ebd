import { randomUUID } from 'node:crypto'
import type { CallbackMode, Delivery } from './delivery'
import { badRequest, notFound } from './http'
import type { Runtime } from './runtime'
import type { CheckoutRecord } from './types'

/**
 * The checkout state machine: `open` → `complete` (paid) or `expired`, never
 * back. Repeating the transition a checkout already made is a no-op (a double
 * click on "Simulate payment" pays once and sends one callback); any other move
 * out of a final state is a 400 that says why.
 */

const SEND: CallbackMode = { kind: 'send' }

function find(rt: Runtime, id: string): CheckoutRecord {
  const record = rt.store.checkout(id)
  if (!record) throw notFound()
  return record
}

/** Marks the checkout paid and starts its signed callback, sent as `mode` says. */
export function payCheckout(rt: Runtime, id: string, mode: CallbackMode = SEND): CheckoutRecord {
  const record = find(rt, id)
  if (record.status === 'complete') return record
  if (record.status === 'expired') {
    throw badRequest(`Checkout ${record.id} has expired and can no longer be paid. Create a new checkout.`)
  }
  const now = rt.store.now()
  record.status = 'complete'
  record.paidAt = now
  record.updatedAt = now
  record.paymentMethodId = randomUUID()
  rt.callbacks.dispatch(record, mode)
  return record
}

/** Ends an open checkout now, as if its time had run out. */
export function expireCheckout(rt: Runtime, id: string): CheckoutRecord {
  const record = find(rt, id)
  if (record.status === 'expired') return record
  if (record.status === 'complete') {
    throw badRequest(`Checkout ${record.id} is already complete (paid); a paid checkout cannot expire.`)
  }
  const now = rt.store.now()
  record.status = 'expired'
  record.expiresAt = Math.min(record.expiresAt, now)
  record.updatedAt = now
  return record
}

/**
 * The shopper gave up. Payfect has no cancelled status, so the checkout stays
 * as it is (it expires in time); the page then goes to `cancel_url`.
 */
export function cancelCheckout(rt: Runtime, id: string): CheckoutRecord {
  const record = find(rt, id)
  if (record.status === 'complete') {
    throw badRequest(`Checkout ${record.id} is already complete (paid); it can no longer be cancelled.`)
  }
  record.cancelledAt ??= rt.store.now()
  return record
}

/** Sends the success callback of a paid checkout again, as a new series of attempts (or as `mode` says). */
export function resendCallback(rt: Runtime, id: string, mode: CallbackMode = SEND): CheckoutRecord {
  const record = paid(rt, id, 'has a callback to resend')
  if (!rt.callbacks.dispatch(record, mode, 'resend')) {
    throw badRequest(
      `Checkout ${record.id} has no callback URL: create it with "callback_url", or start the sandbox with a default callback URL (--callback-url).`,
    )
  }
  return record
}

/** Sends a held callback now and answers once its first attempt has its answer, so callers choose the order. */
export async function deliverHeldCallback(rt: Runtime, id: string): Promise<{ record: CheckoutRecord; delivery: Delivery | null }> {
  const record = paid(rt, id, 'has a callback to deliver')
  const sending = rt.callbacks.deliverHeld(record.id)
  if (!sending) {
    throw badRequest(`Checkout ${record.id} has no held callback. Pay it with ?callback=hold to hold one, or use /resend to send it again.`)
  }
  return { record, delivery: (await sending) ?? null }
}

/** Sends a recorded delivery again, same body and signature, once. */
export async function replayDelivery(rt: Runtime, deliveryId: string): Promise<Delivery | null> {
  const delivery = rt.store.delivery(deliveryId)
  if (!delivery) throw notFound()
  return (await rt.callbacks.replay(delivery)) ?? null
}

function paid(rt: Runtime, id: string, what: string): CheckoutRecord {
  const record = find(rt, id)
  if (record.status !== 'complete') throw badRequest(`Checkout ${record.id} is ${record.status}, not complete: only a paid checkout ${what}.`)
  return record
}
