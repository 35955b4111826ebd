import { Hono } from 'hono'
import { createCheckoutHandler, createWebhookHandler, type Payment, type PayfectEnv } from '@payfect/server'

/** What this shop sells: the browser names a key, the price is set here. */
export const catalog = {
  'pro-plan': { name: 'Pro plan', unitAmount: '20.00', currency: 'usdt' },
} as const

/**
 * The same web-standard handlers as in Next.js, on Hono: each takes the raw `Request`
 * (`c.req.raw`) and returns a `Response`. `env` is Workers' bindings (or `process.env`):
 * PAYFECT_API_KEY, PAYFECT_API_BASE, PAYFECT_WEBHOOK_SECRET and PAYFECT_PUBLIC_ORIGIN, read on
 * the first request; relative URLs resolve against PAYFECT_PUBLIC_ORIGIN, never the Host.
 */
export function createApp(env: PayfectEnv, onPaid: (payment: Payment) => void | Promise<void>): Hono {
  const checkouts = createCheckoutHandler({
    env,
    catalog,
    successUrl: '/?checkout=success',
    cancelUrl: '/?checkout=cancel',
    callbackUrl: '/api/payfect/webhook',
    onPayment: onPaid,
  })
  const webhook = createWebhookHandler({ env, onPayment: onPaid })

  const app = new Hono()
  app.all('/api/payfect/checkouts', (c) => checkouts(c.req.raw))
  // The raw request: the handler verifies the signature over the exact bytes Payfect sent.
  app.post('/api/payfect/webhook', (c) => webhook(c.req.raw))
  app.get('/', (c) => c.html(page))
  return app
}

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Payfect + Hono</title></head>
<body><main><h1>Pro plan</h1><p>20.00 USDT</p>
<button id="pay" type="button">Pay 20.00 USDT</button><p id="error" role="alert" hidden></p></main>
<script type="module">
  // Without React: POST the catalog key, then go to the hosted checkout page.
  document.getElementById('pay').addEventListener('click', async () => {
    const res = await fetch('/api/payfect/checkouts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: [{ price: 'pro-plan', quantity: 1 }] }) })
    const body = await res.json()
    if (res.ok) location.assign(body.url)
    else Object.assign(document.getElementById('error'), { hidden: false, textContent: body.error.message })
  })
</script></body></html>`
