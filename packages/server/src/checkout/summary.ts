import { type CheckoutSummary, trustedCheckoutUrl } from '@payfect/contract'
import { parsePayfectTime } from '../time'
import type { Checkout } from '../types'
import { RouteError } from './refusal'

/**
 * The contract's summary of a checkout, with the hosted origin the route vouches for and
 * its own clock. A `url` off `hostedOrigins` (`javascript:`, another host) is never passed
 * on: it is a 502 whose reason goes to the log.
 */
export function toCheckoutSummary(checkout: Checkout, hostedOrigins: readonly string[], now = new Date()): CheckoutSummary {
  const url = trustedCheckoutUrl(checkout.url, hostedOrigins)
  if (!url) {
    const cause = new Error(`Payfect answered checkout ${String(checkout.id)} with a url that is not on ${hostedOrigins.join(' or ')}: ${JSON.stringify(String(checkout.url).slice(0, 200))}.`)
    throw new RouteError(502, 'api_error', 'untrusted_checkout_url', 'The payment provider answered with a checkout page this shop does not trust; see server logs.', undefined, cause)
  }
  return {
    id: checkout.id,
    url: url.href,
    hostedOrigin: url.origin,
    status: checkout.status,
    amountTotal: checkout.amountTotal,
    currency: checkout.currency,
    expiresAt: readTime(checkout.expiresAt),
    serverTime: now.toISOString(),
    clientReferenceId: checkout.clientReferenceId ?? null,
    successUrl: checkout.successUrl ?? null,
    cancelUrl: checkout.cancelUrl ?? null,
  }
}

function readTime(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  try {
    return parsePayfectTime(value).toISOString()
  } catch {
    return null
  }
}
