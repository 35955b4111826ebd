/**
 * Runs the Express example:
 *
 *   PAYFECT_API_KEY=… PAYFECT_WEBHOOK_SECRET=… [PAYFECT_API_BASE=…] [PORT=3000] pnpm start
 *
 * Against the local sandbox: start `pnpm exec payfect-sandbox` and copy the
 * key, secret and API base it prints.
 */
import { createApp } from './app'

const { PAYFECT_API_KEY, PAYFECT_WEBHOOK_SECRET, PAYFECT_API_BASE, PORT } = process.env
if (!PAYFECT_API_KEY || !PAYFECT_WEBHOOK_SECRET) {
  console.error('Set PAYFECT_API_KEY and PAYFECT_WEBHOOK_SECRET (and PAYFECT_API_BASE for the sandbox).')
  process.exit(1)
}

const app = createApp({
  apiKey: PAYFECT_API_KEY,
  webhookSecret: PAYFECT_WEBHOOK_SECRET,
  baseUrl: PAYFECT_API_BASE || undefined,
  onPaid: (event) => console.info(`paid: checkout ${event.id}, ${event.amount} ${event.currency.toUpperCase()}, order ${event.client_reference_id ?? '-'}`),
})
const server = app.listen(Number(PORT ?? 3000), '127.0.0.1', () => {
  const address = server.address()
  console.info(`Express example on http://127.0.0.1:${typeof address === 'object' && address ? address.port : PORT}`)
})
