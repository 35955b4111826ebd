import type { Payment } from '@payfect/contract'
import type { Checkout, WebhookEvent } from './types'

/**
 * The contract's `Payment` of a paid checkout: amount and currency are always the checkout's
 * own, as read back from Payfect; a callback's values are kept beside them as `reported`.
 */
export function paymentOf(checkout: Checkout, event?: WebhookEvent): Payment {
  const payment: Payment = {
    checkoutId: checkout.id,
    clientReferenceId: checkout.clientReferenceId ?? null,
    amount: checkout.amountTotal,
    currency: checkout.currency,
    livemode: checkout.isLivemode === true,
    source: event ? 'webhook' : 'status',
  }
  if (event) {
    const text = (value: unknown) => (typeof value === 'string' ? value : null)
    payment.reported = { amount: text(event.amount), currency: text(event.currency), status: text(event.status) }
  }
  return payment
}
