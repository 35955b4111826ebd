/**
 * The demo shop behind `pnpm dev`: one node:http server on 127.0.0.1 serving the
 * Payfect route handler, the webhook, a tiny orders API, the return pages and
 * the React app (Vite middleware), against an in-process Payfect sandbox — or
 * the live API when `PAYFECT_API_KEY` is set.
 *
 *   pnpm dev                                  # http://127.0.0.1:5173, sandbox on :4010
 *   PORT=3000 SANDBOX_PORT=4011 pnpm dev
 *   pnpm dev -- --port 0 --sandbox-port 0     # any free ports
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import { type CheckoutSummary, createCheckoutHandler, createWebhookHandler, type Payment, PayfectInvalidRequestError, PayfectPermissionError, type ValidatedCheckoutBody } from '@payfect/server'
import { Payfect } from '@payfect/server/client'
import { toNodeHandler } from '@payfect/server/node'
import type { Sandbox, SandboxOptions } from '@payfect/sandbox'
import { products } from './catalog'
import { createOrderStore, type OrderStore } from './server/orders'
import { createOrdersRoute } from './server/orders-route'
import { checkoutReturnPage } from './server/pages'
import { startPayfectBackend } from './server/payfect-backend'
import { printBanner } from './server/banner'
import { sendError } from './server/http-utils'
import { closeServer, listen, portFrom } from './server/listen'
import { sessionOf } from './server/session'
import { createViteApp } from './server/vite-app'

export interface StartStorefrontOptions {
  /** `0` picks a free port. @defaultValue `PORT` from `env`, else 5173 */
  port?: number
  /**
   * Options of the in-process sandbox, ignored in live mode: `port` (`0` picks one;
   * default `SANDBOX_PORT`, else 4010) and any other `startSandbox` option, such as
   * `checkoutTtlMs` or `callbackRetryDelaysMs` for tests.
   */
  sandbox?: Omit<SandboxOptions, 'host' | 'callbackUrl'>
  /** Where `PORT`, `SANDBOX_PORT` and the `PAYFECT_*` variables are read. @defaultValue process.env */
  env?: Record<string, string | undefined>
  /** Print the banner and Vite's log. @defaultValue true */
  log?: boolean
}

export interface Storefront {
  /** The shop's origin, e.g. `http://127.0.0.1:5173`. */
  url: string
  mode: 'sandbox' | 'live'
  /** The in-process sandbox (`null` in live mode): pay with `POST {sandbox.url}/_sandbox/checkouts/{id}/pay`. */
  sandbox: Sandbox | null
  /** The shop's orders, as `/api/orders` serves them. */
  orders: OrderStore
  close(): Promise<void>
}

/** The handler's catalog: what the browser may order, priced here, never by the browser. */
const catalog = Object.fromEntries(
  products.map((p) => [p.key, { name: p.name, description: p.description, unitAmount: p.unitAmount, currency: p.currency }]),
)

export async function startStorefront(options: StartStorefrontOptions = {}): Promise<Storefront> {
  const env = options.env ?? process.env
  const log = options.log ?? true
  const port = options.port ?? portFrom(env.PORT, 'PORT') ?? 5173
  const sandboxPort = options.sandbox?.port ?? portFrom(env.SANDBOX_PORT, 'SANDBOX_PORT') ?? 4010
  const orders = createOrderStore()

  let route: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => sendError(res, 503, 'The shop is starting.')
  const server = createServer((req, res) => route(req, res))
  await listen(server, port)
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const webhookUrl = env.PAYFECT_CALLBACK_URL?.trim() || `${url}/api/payfect/webhook`

  // Stopped in reverse order of starting; calling close() again waits for the same shutdown.
  const closers: Array<() => Promise<void>> = [() => closeServer(server)]
  let closing: Promise<void> | undefined
  const close = () =>
    (closing ??= (async () => {
      for (const fn of [...closers].reverse()) await fn().catch(() => {})
    })())
  try {
    const backend = await startPayfectBackend({ env, sandbox: { ...options.sandbox, port: sandboxPort }, callbackUrl: webhookUrl })
    closers.push(() => backend.close())
    const vite = await createViteApp(server, { quiet: !log })
    closers.push(() => vite.close())

    const payfect = { apiKey: backend.apiKey, baseUrl: backend.baseUrl, publicOrigin: url }
    const record = (payment: Payment) => {
      const outcome = orders.applyPayment(payment)
      if (log) process.stdout.write(`  ${payment.source.padEnd(7)}  checkout ${payment.checkoutId} → order ${payment.clientReferenceId ?? '(none)'}: ${outcome}\n`)
    }
    const checkoutHandler = createCheckoutHandler({
      ...payfect,
      catalog,
      // Relative: resolved against the shop's own origin, so the modal's frame lands on this origin.
      successUrl: '/checkout/success',
      cancelUrl: '/checkout/cancel',
      callbackUrl: webhookUrl,
      // A checkout must pay for a real, unpaid order of this shopper, for exactly its items: the
      // amount then always matches the order, and a shopper cannot attach a cheap cart to it.
      clientReferenceId: (request, body) => checkOrderFor(orders, body, sessionOf(request.headers)),
      // A reload or a second click reuses the order's open checkout: one checkout per order.
      findOpenCheckout: (orderId) => orders.openCheckoutOf(orderId),
      // A shopper's poll that sees `complete` heals a lost callback.
      onPayment: record,
    })
    const checkouts = toNodeHandler(async (request: Request) => {
      const response = await checkoutHandler(request)
      // Bookkeeping from the route's own answer, so nothing here reads the request body.
      if (response.ok && (request.method === 'POST' || request.method === 'GET')) noteCheckout(orders, request.method, (await response.clone().json()) as CheckoutSummary)
      return response
    })
    const webhook = toNodeHandler(createWebhookHandler({ ...payfect, secret: backend.webhookSecret, onPayment: record }))
    const client = new Payfect({ apiKey: backend.apiKey, baseUrl: backend.baseUrl, maxRetries: 0 })
    const retrieve = (id: string) => client.checkouts.retrieve(id)
    // Pending orders no shopper is polling are read back too, once a minute.
    const sweep = setInterval(() => void orders.reconcile(retrieve).catch(() => {}), 60_000)
    sweep.unref()
    closers.push(async () => clearInterval(sweep))
    const ordersRoute = createOrdersRoute(
      orders,
      {
        mode: backend.mode,
        dashboardUrl: backend.sandbox ? `${backend.sandbox.url}/_sandbox` : null,
        checkoutOrigin: backend.sandbox ? backend.sandbox.url : 'https://buy.payfect.finance',
      },
      retrieve,
    )

    route = (req, res) => {
      const path = new URL(req.url ?? '/', url).pathname
      const handle = async () => {
        if (path === '/api/payfect/checkouts') return checkouts(req, res)
        if (path === '/api/payfect/webhook') return webhook(req, res)
        if (path === '/api/orders') return ordersRoute(req, res)
        if (path === '/checkout/success' || path === '/checkout/cancel') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
          res.end(checkoutReturnPage(path === '/checkout/success' ? 'success' : 'cancel'))
          return
        }
        if (path.startsWith('/api/')) return sendError(res, 404, `No route ${path}.`)
        vite.middlewares(req, res, () => sendError(res, 404, `No page ${path}.`))
      }
      handle().catch((error: unknown) => {
        process.stderr.write(`[storefront] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
        if (!res.headersSent) sendError(res, 500, 'The shop failed to answer; see its console.')
        else res.end()
      })
    }

    if (log) printBanner(url, backend, webhookUrl)
    return { url, mode: backend.mode, sandbox: backend.sandbox, orders, close }
  } catch (error) {
    await close()
    throw error
  }
}

function checkOrderFor(orders: OrderStore, body: ValidatedCheckoutBody, session: string | undefined): string {
  const refuse = (why: string) =>
    new PayfectInvalidRequestError({ status: 400, message: `clientReferenceId: ${why}`, fields: { clientReferenceId: [why] } })
  const id = body.clientReferenceId
  if (id === undefined) throw refuse('is required: place the order with POST /api/orders first and pass its id.')
  const order = orders.get(id)
  if (!order) throw refuse(`no order ${id} exists; place the order with POST /api/orders first.`)
  if (order.owner !== session) throw new PayfectPermissionError({ status: 403, message: `Order ${id} belongs to another shopper.`, fields: { clientReferenceId: ['is not an order of this browser.'] } })
  if (order.status === 'paid') throw refuse(`order ${id} is already paid.`)
  const wanted = new Map(order.items.map((line) => [line.price, line.quantity]))
  const same = body.items.length === wanted.size && body.items.every((item) => wanted.get(item.price) === item.quantity)
  if (!same) throw refuse(`the items differ from order ${id}'s; place a new order for this cart.`)
  return id
}

/** Links a created checkout to its order; a status read that finds it expired expires the order. */
function noteCheckout(orders: OrderStore, method: string, checkout: CheckoutSummary): void {
  if (method === 'GET') {
    if (checkout.status === 'expired') orders.checkoutExpired(checkout.id)
    return
  }
  if (checkout.clientReferenceId) orders.attachCheckout(checkout.clientReferenceId, { id: checkout.id, expiresAt: checkout.expiresAt ? new Date(checkout.expiresAt) : null })
}

function argPort(args: string[], flag: string): number | undefined {
  const i = args.indexOf(flag)
  if (i === -1) return undefined
  return portFrom(args[i + 1], flag)
}

// Run directly (`pnpm dev`): start, print the URLs, stop cleanly on Ctrl-C.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2)
  try {
    const port = argPort(args, '--port')
    const sandboxPort = argPort(args, '--sandbox-port')
    const shop = await startStorefront({ port, sandbox: { port: sandboxPort } })
    const stop = () => void shop.close().then(() => process.exit(0))
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  } catch (error) {
    process.stderr.write(`\n  Could not start the demo shop: ${error instanceof Error ? error.message : String(error)}\n\n`)
    process.exit(1)
  }
}
