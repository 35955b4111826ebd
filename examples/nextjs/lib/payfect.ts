import { createCheckoutHandler, createWebhookHandler, type CheckoutHandler } from '@payfect/server'
import { catalog, fulfil } from './orders'

// Made on the first request, not at import: `next build` imports route modules without
// the runtime secrets, and today's handlers refuse to be created without them.
let checkouts: CheckoutHandler | undefined
let webhook: CheckoutHandler | undefined

// Today's handler resolves relative URLs against the request's Host: give it absolute ones.
const onSite = (path: string) => new URL(path, process.env.PAYFECT_PUBLIC_ORIGIN).href

export function checkoutHandler(request: Request): Promise<Response> {
  checkouts ??= createCheckoutHandler({
    apiKey: process.env.PAYFECT_API_KEY,
    baseUrl: process.env.PAYFECT_API_BASE || undefined,
    catalog,
    successUrl: onSite('/checkout/success'),
    callbackUrl: onSite('/api/payfect/webhook'),
    allowedOrigins: [new URL(onSite('/')).origin],
  })
  return checkouts(request)
}

export function webhookHandler(request: Request): Promise<Response> {
  webhook ??= createWebhookHandler({
    secret: process.env.PAYFECT_WEBHOOK_SECRET!,
    onEvent: (event) =>
      fulfil({ checkoutId: event.id, clientReferenceId: event.client_reference_id, amount: event.amount, currency: event.currency }),
  })
  return webhook(request)
}
