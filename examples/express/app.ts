import express, { type Express } from 'express'
import { fileURLToPath } from 'node:url'
import { createCheckoutHandler, createWebhookHandler, type WebhookEvent } from '@payfect/server'
import { toNodeHandler } from '@payfect/server/node'

export interface ExampleOptions {
  /** Your secret Payfect API key (`PAYFECT_API_KEY`). */
  apiKey: string
  /** The webhook secret from the Payfect dashboard (`PAYFECT_WEBHOOK_SECRET`). */
  webhookSecret: string
  /** The API root; unset for the live API, the sandbox's `apiBase` in development. */
  baseUrl?: string | undefined
  /** Where Payfect POSTs callbacks; relative URLs follow the request's host. @defaultValue '/api/payfect/webhook' */
  callbackUrl?: string | undefined
  /** Fulfil the order: called once per verified callback. */
  onPaid: (event: WebhookEvent) => void | Promise<void>
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
    apiKey: options.apiKey,
    baseUrl: options.baseUrl,
    catalog,
    successUrl: '/?checkout=success',
    cancelUrl: '/?checkout=cancel',
    callbackUrl: options.callbackUrl ?? '/api/payfect/webhook',
  })
  app.all('/api/payfect/checkouts', toNodeHandler(checkouts))

  // The webhook: the signature covers the raw bytes, so take the body raw, never express.json().
  const webhook = createWebhookHandler({ secret: options.webhookSecret, onEvent: options.onPaid })
  app.post('/api/payfect/webhook', express.raw({ type: 'application/json' }), toNodeHandler(webhook))

  // index.html loads app.js, built from client.tsx by `pnpm build`.
  app.use(express.static(publicDir))
  return app
}
