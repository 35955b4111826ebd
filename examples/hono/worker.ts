/**
 * A Cloudflare Workers–style entry: the runtime calls `fetch(request, env)`.
 * Deploy with your platform's tool; nothing here needs Node.
 */
import { createApp, type PayfectEnv } from './app'

export default {
  fetch(request: Request, env: PayfectEnv): Response | Promise<Response> {
    const app = createApp(env, (event) => {
      // Fulfil the order here, e.g. write to your database; make it idempotent on event.id.
      console.info(`paid: checkout ${event.id}, ${event.amount} ${event.currency.toUpperCase()}`)
    })
    return app.fetch(request, env)
  },
}
