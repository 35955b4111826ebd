import express, { type Express } from 'express'
import { fileURLToPath } from 'node:url'
import { createCheckoutHandler, createWebhookHandler, type Payment, type PayfectEnv } from '@payfect/server'
import { toNodeHandler } from '@payfect/server/node'

export interface ExampleOptions {
  /**
   * Where `PAYFECT_API_KEY`, `PAYFECT_API_BASE`, `PAYFECT_WEBHOOK_SECRET` and `PAYFECT_PUBLIC_ORIGIN`
   * are read. Nothing comes from the request's Host: relative URLs resolve against PAYFECT_PUBLIC_ORIGIN.
   * @defaultValue process.env
   */
  env?: PayfectEnv
  /** Fulfil the order: the checkout as Payfect reads it back, once per verified callback (idempotent on `checkoutId`). */
  onPaid: (payment: Payment) => void | Promise<void>
}

/** What this shop sells: the browser names a key, the price is set here. */
export const catalog = {
  'pro-plan': { name: 'Pro plan', unitAmount: '20.00', currency: 'usdt' },
} as const

const publicDir = fileURLToPath(new URL('./public', import.meta.url))

/** The Express app: the two Payfect routes and a static page with the React button. */
export function createApp(options: ExampleOptions): Express {
  const app = express()

  // The checkout route: POST creates a checkout, GET ?id= polls it. No body parser
  // in front of it: the handler reads (and size-limits) the body itself.
  const checkouts = createCheckoutHandler({
    env: options.env,
    catalog,
    successUrl: '/?checkout=success',
    cancelUrl: '/?checkout=cancel',
    callbackUrl: '/api/payfect/webhook',
    onPayment: options.onPaid,
  })
  app.all('/api/payfect/checkouts', toNodeHandler(checkouts))

  // The webhook: best with the raw bytes (express.raw); an express.json() body is accepted when it is plain JSON.
  const webhook = createWebhookHandler({ env: options.env, onPayment: options.onPaid })
  app.post('/api/payfect/webhook', express.raw({ type: 'application/json' }), toNodeHandler(webhook))

  // index.html loads app.js, built from client.tsx by `pnpm build`.
  app.use(express.static(publicDir))
  return app
}
