/**
 * Runs the Hono app on Node through `toNodeHandler(app.fetch)` (no @hono/node-server needed):
 *
 *   PAYFECT_API_KEY=… PAYFECT_WEBHOOK_SECRET=… PAYFECT_PUBLIC_ORIGIN=https://shop.example [PAYFECT_API_BASE=…] [PORT=3000] pnpm start
 *
 * A missing variable is named in the log at startup (in development) and on the first request.
 */
import { createServer } from 'node:http'
import { toNodeHandler } from '@payfect/server/node'
import { createApp } from './app'

const app = createApp(process.env, (payment) => {
  console.info(`paid: checkout ${payment.checkoutId}, ${payment.amount} ${payment.currency.toUpperCase()}, order ${payment.clientReferenceId ?? '-'}`)
})
const server = createServer(toNodeHandler((request) => app.fetch(request)))
server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  const address = server.address()
  console.info(`Hono example on http://127.0.0.1:${typeof address === 'object' && address ? address.port : process.env.PORT}`)
})
