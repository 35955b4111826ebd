import type { WebhookEvent } from '@payfect/server'

// A stand-in for your database: checkout ids whose verified callback arrived.
const paid = new Map<string, WebhookEvent>()

/** Idempotent on the checkout id: Payfect retries until it gets a 2xx. */
export function markOrderPaid(event: WebhookEvent): void {
  if (!paid.has(event.id)) paid.set(event.id, event)
}

export function paidCheckouts(): WebhookEvent[] {
  return [...paid.values()]
}
