/**
 * A Cloudflare Workers–style entry: the runtime calls `fetch(request, env)`, and `env` holds the
 * PAYFECT_* bindings (Workers have no process.env). Deploy with your platform's tool; nothing here needs Node.
 */
import type { PayfectEnv } from '@payfect/server'
import { createApp } from './app'

export default {
  fetch(request: Request, env: PayfectEnv): Response | Promise<Response> {
    const app = createApp(env, (payment) => {
      // Fulfil the order here, e.g. write to your database; make it idempotent on payment.checkoutId.
      console.info(`paid: checkout ${payment.checkoutId}, ${payment.amount} ${payment.currency.toUpperCase()}`)
    })
    return app.fetch(request, env)
  },
}
