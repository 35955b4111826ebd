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
import { createCheckoutHandler, createWebhookHandler, parsePayfectTime, PayfectInvalidRequestError } from '@payfect/server'
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

    const checkoutHandler = createCheckoutHandler({
      apiKey: backend.apiKey,
      baseUrl: backend.baseUrl,
      catalog,
      // Relative: resolved against the page's origin, so the modal's frame lands on this origin.
      successUrl: '/checkout/success',
      cancelUrl: '/checkout/cancel',
      callbackUrl: webhookUrl,
      // A checkout must pay for a real, unpaid order, for exactly its items: the callback's
      // amount then always matches the order, and a shopper cannot attach a cheap cart to it.
      clientReferenceId: (_request, body) => checkOrderFor(orders, body),
    })
    const checkouts = toNodeHandler(async (request: Request) => {
      // Only small bodies are copied for bookkeeping; the handler refuses anything over 64 KiB anyway.
      const small = Number(request.headers.get('content-length') ?? 0) <= 64 * 1024
      const body = request.method === 'POST' && small ? await request.clone().text().catch(() => '') : ''
      const response = await checkoutHandler(request)
      if (response.ok && request.method === 'POST') await recordCheckout(orders, body, response.clone())
      if (response.ok && request.method === 'GET') await recordStatus(orders, response.clone())
      return response
    })
    const webhook = toNodeHandler(
      createWebhookHandler({
        secret: backend.webhookSecret,
        onEvent: (event) => {
          const outcome = orders.applyPayment(event)
          if (log) process.stdout.write(`  webhook  checkout ${event.id} → order ${event.client_reference_id ?? '(none)'}: ${outcome}\n`)
        },
      }),
    )
    const ordersRoute = createOrdersRoute(orders, {
      mode: backend.mode,
      dashboardUrl: backend.sandbox ? `${backend.sandbox.url}/_sandbox` : null,
      checkoutOrigin: backend.sandbox ? backend.sandbox.url : 'https://buy.payfect.finance',
    })

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

function checkOrderFor(orders: OrderStore, body: { items: Array<{ price: string; quantity: number }>; clientReferenceId?: string }): string {
  const refuse = (why: string) =>
    new PayfectInvalidRequestError({ status: 400, message: `clientReferenceId: ${why}`, fields: { clientReferenceId: [why] } })
  const id = body.clientReferenceId
  if (id === undefined) throw refuse('is required: place the order with POST /api/orders first and pass its id.')
  const order = orders.get(id)
  if (!order) throw refuse(`no order ${id} exists; place the order with POST /api/orders first.`)
  if (order.status === 'paid') throw refuse(`order ${id} is already paid.`)
  const wanted = new Map(order.items.map((line) => [line.price, line.quantity]))
  const same = body.items.length === wanted.size && body.items.every((item) => wanted.get(item.price) === item.quantity)
  if (!same) throw refuse(`the items differ from order ${id}'s; place a new order for this cart.`)
  return id
}

/** The browser polls a checkout's status through the handler; an expired one expires its order. */
async function recordStatus(orders: OrderStore, response: Response): Promise<void> {
  const checkout = (await response.json().catch(() => null)) as { id?: string; status?: string } | null
  if (checkout?.status === 'expired' && typeof checkout.id === 'string') orders.checkoutExpired(checkout.id)
}

/** Links a created checkout to its order, so the Orders view can show when it runs out. */
async function recordCheckout(orders: OrderStore, requestBody: string, response: Response): Promise<void> {
  try {
    const ref = (JSON.parse(requestBody) as { clientReferenceId?: unknown }).clientReferenceId
    const checkout = (await response.json()) as { id: string; expiresAt?: string }
    if (typeof ref !== 'string') return
    orders.attachCheckout(ref, { id: checkout.id, expiresAt: checkout.expiresAt ? parsePayfectTime(checkout.expiresAt) : null })
  } catch {
    // Bookkeeping only: the shopper's checkout was created either way.
  }
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
