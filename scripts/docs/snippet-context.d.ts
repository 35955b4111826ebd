// What a docs snippet may take as given from the merchant's own app, so each block shows only
// the lines about Payfect. Anything else a block uses, it imports, as a merchant would.
import type { Express } from 'express'
import type { Payment, PayfectEnv } from '@payfect/server'

declare global {
  /** The merchant's fulfilment: idempotent on `payment.checkoutId`. */
  function fulfil(payment: Payment): Promise<void>
  /** The merchant's database. */
  const db: {
    orders: {
      find(id: string | null): Promise<{ id: string; checkoutId: string | null; paidBy?: string; total: string; currency: string } | undefined>
      markPaid(id: string, checkoutId: string): Promise<void>
    }
    refunds: { open(order: unknown, payment: Payment): Promise<void> }
    problems: { open(order: unknown, payment: Payment): Promise<void> }
  }
  /** An Express app. */
  const app: Express
  /** A Worker's bindings. */
  const env: PayfectEnv
  /** Next.js's router. */
  const router: { push(href: string): void }
}
