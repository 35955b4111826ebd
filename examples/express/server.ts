/**
 * Runs the Express example:
 *
 *   PAYFECT_API_KEY=… PAYFECT_WEBHOOK_SECRET=… PAYFECT_PUBLIC_ORIGIN=https://shop.example [PAYFECT_API_BASE=…] [PORT=3000] pnpm start
 *
 * Against the local sandbox: start `pnpm exec payfect-sandbox` and copy the key, secret and
 * API base it prints; in development the page's loopback origin stands in for PAYFECT_PUBLIC_ORIGIN.
 * A missing variable is named in the log at startup and on the first request.
 */
import { createApp } from './app'

const app = createApp({
  onPaid: (payment) => console.info(`paid: checkout ${payment.checkoutId}, ${payment.amount} ${payment.currency.toUpperCase()}, order ${payment.clientReferenceId ?? '-'}`),
})
const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  const address = server.address()
  console.info(`Express example on http://127.0.0.1:${typeof address === 'object' && address ? address.port : process.env.PORT}`)
})
