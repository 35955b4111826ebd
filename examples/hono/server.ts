/**
 * Runs the Hono app on Node through `toNodeHandler(app.fetch)` (no @hono/node-server needed):
 *
 *   PAYFECT_API_KEY=… PAYFECT_WEBHOOK_SECRET=… [PAYFECT_API_BASE=…] [PORT=3000] pnpm start
 */
import { createServer } from 'node:http'
import { toNodeHandler } from '@payfect/server/node'
import { createApp } from './app'

const { PAYFECT_API_KEY, PAYFECT_WEBHOOK_SECRET, PAYFECT_API_BASE, PORT } = process.env
if (!PAYFECT_API_KEY || !PAYFECT_WEBHOOK_SECRET) {
  console.error('Set PAYFECT_API_KEY and PAYFECT_WEBHOOK_SECRET (and PAYFECT_API_BASE for the sandbox).')
  process.exit(1)
}

const app = createApp({ PAYFECT_API_KEY, PAYFECT_WEBHOOK_SECRET, PAYFECT_API_BASE }, (event) => {
  console.info(`paid: checkout ${event.id}, ${event.amount} ${event.currency.toUpperCase()}, order ${event.client_reference_id ?? '-'}`)
})
const server = createServer(toNodeHandler((request) => app.fetch(request)))
server.listen(Number(PORT ?? 3000), '127.0.0.1', () => {
  const address = server.address()
  console.info(`Hono example on http://127.0.0.1:${typeof address === 'object' && address ? address.port : PORT}`)
})
