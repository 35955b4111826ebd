import { isCheckoutStatus, type CheckoutStatus } from './checkout-status'
import { toHostedOrigin, trustedCheckoutUrl } from './checkout-url'

/**
 * A checkout as the merchant's route hands it to the browser, on create and on every
 * status read: enough to show the hosted page and follow its status, nothing else.
 */
export interface CheckoutSummary {
  /** Payfect's checkout id; `GET <route>?id=<id>` reads it again. */
  id: string
  /** The hosted checkout page; always on `hostedOrigin`. */
  url: string
  /** The origin the route vouches for: the kit navigates, frames or opens `url` only there. */
  hostedOrigin: string
  status: CheckoutStatus
  /** The total as a decimal string (`"41.00"`). Never a float. */
  amountTotal: string
  /** The checkout's currency as Payfect has it (`"usdt"`, `"TWD"`). */
  currency: string
  /** When the checkout expires, ISO-8601 in UTC; `null` when Payfect sent none that could be read. */
  expiresAt: string | null
  /** The route's clock when it answered, ISO-8601 in UTC: expiry is measured against this, never the shopper's clock. */
  serverTime: string
  /** The merchant's order id the checkout was created for, `null` when none. */
  clientReferenceId: string | null
  /** Where the hosted page sends the shopper after paying; `null` when Payfect's default applies. */
  successUrl: string | null
  /** Where the hosted page sends a shopper who steps away; `null` when unset. */
  cancelUrl: string | null
}

const stringKeys = ['id', 'url', 'hostedOrigin', 'amountTotal', 'currency', 'serverTime'] as const
const nullableKeys = ['expiresAt', 'clientReferenceId', 'successUrl', 'cancelUrl'] as const

/** The result of reading a summary off the wire: the summary, or what was wrong with it. */
export type ReadSummaryResult = { ok: true; summary: CheckoutSummary } | { ok: false; problems: string[] }

/**
 * Checks a JSON value against `CheckoutSummary`: every key present with its type, a known
 * status, readable times, a hosted origin that is https (http on loopback) and a `url` on it.
 */
export function readCheckoutSummary(value: unknown): ReadSummaryResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problems: ['not a JSON object'] }
  const record = value as Record<string, unknown>
  const problems: string[] = []
  for (const key of stringKeys) if (typeof record[key] !== 'string' || record[key] === '') problems.push(`${key} (a non-empty string)`)
  for (const key of nullableKeys) if (record[key] !== null && typeof record[key] !== 'string') problems.push(`${key} (a string or null)`)
  if (!isCheckoutStatus(record.status)) problems.push('status (open, complete or expired)')
  if (typeof record.serverTime === 'string' && Number.isNaN(Date.parse(record.serverTime))) problems.push('serverTime (an ISO-8601 time)')
  if (typeof record.expiresAt === 'string' && Number.isNaN(Date.parse(record.expiresAt))) problems.push('expiresAt (an ISO-8601 time or null)')
  if (typeof record.hostedOrigin === 'string' && !toHostedOrigin(record.hostedOrigin)) problems.push('hostedOrigin (https, or http on loopback)')
  else if (typeof record.url === 'string' && !trustedCheckoutUrl(record.url, [record.hostedOrigin as string])) problems.push('url (on hostedOrigin)')
  if (problems.length) return { ok: false, problems }
  const summary = {} as Record<string, unknown>
  for (const key of [...stringKeys, ...nullableKeys, 'status'] as const) summary[key] = record[key]
  return { ok: true, summary: summary as unknown as CheckoutSummary }
}

/**
 * Milliseconds from the route's `serverTime` to `expiresAt`, or `undefined` when the checkout
 * has no readable expiry. Add it to the local monotonic time the answer arrived at.
 */
export function timeToExpiry(summary: Pick<CheckoutSummary, 'expiresAt' | 'serverTime'>): number | undefined {
  if (!summary.expiresAt) return undefined
  const left = Date.parse(summary.expiresAt) - Date.parse(summary.serverTime)
  return Number.isFinite(left) ? left : undefined
}
