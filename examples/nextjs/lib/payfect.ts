import { createCheckoutHandler, createWebhookHandler, type CheckoutHandler } from '@payfect/server'
import { markOrderPaid } from './orders'

/**
 * What this shop sells. The browser sends only the key (`price: 'pro-plan'`);
 * the amount comes from here, so a shopper cannot change it.
 */
export const catalog = {
  'pro-plan': { name: 'Pro plan', unitAmount: '20.00', currency: 'usdt' },
  'sticker-pack': { name: 'Sticker pack', unitAmount: '4.50', currency: 'usdt' },
} as const

// Made on the first request, not at import: `next build` imports route modules
// without your runtime secrets, and the handlers refuse to start without them.
let checkouts: CheckoutHandler | undefined
let webhook: CheckoutHandler | undefined

// Next.js hands route handlers a request URL on its own listen address (with `next start`,
// `http://localhost:3000/...`), not the one the browser used. Relative URLs would resolve
// against it, and the same-origin check would compare against it: give the public origin.
const site = process.env.SITE_ORIGIN
const onSite = (path: string) => (site ? new URL(path, site).href : path)

/** POST creates a checkout from catalog keys; GET ?id= reads its status for polling. */
export function checkoutHandler(request: Request): Promise<Response> {
  checkouts ??= createCheckoutHandler({
    apiKey: process.env.PAYFECT_API_KEY,
    // Unset in production (the live API); the local sandbox's `apiBase` in development.
    baseUrl: process.env.PAYFECT_API_BASE || undefined,
    catalog,
    successUrl: onSite('/checkout/success'),
    cancelUrl: onSite('/'),
    callbackUrl: process.env.PAYFECT_CALLBACK_URL || onSite('/api/payfect/webhook'),
    allowedOrigins: site ? [new URL(site).origin] : [],
  })
  return checkouts(request)
}

/** Payfect's signed success callback: verified over the raw body, then `onEvent`. */
export function webhookHandler(request: Request): Promise<Response> {
  webhook ??= createWebhookHandler({
    secret: process.env.PAYFECT_WEBHOOK_SECRET!,
    onEvent: (event) => markOrderPaid(event),
  })
  return webhook(request)
}
