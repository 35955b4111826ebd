/**
 * Serves the kit page (kit-app.tsx bundled by esbuild from @payfect/react's source, on React 19 or
 * 18), the fake route, and a live-like hosted page on another origin: the shop is addressed as
 * `localhost`, the hosted page as `127.0.0.1`, so the two are cross-site as in production. Both
 * listen on 127.0.0.1, port 0. The hosted page posts nothing; Pay marks the checkout paid and
 * navigates to the success URL, Cancel to the cancel URL, as Payfect's live page does.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { build } from 'esbuild'
import { createFakeRoute, type FakeRoute, type FakeRouteOptions } from './fake-route'

const root = new URL('../../', import.meta.url).pathname
const bundles = new Map<string, Promise<string>>()

/** The kit page's script, built once per React version. */
function bundle(react: '18' | '19'): Promise<string> {
  let pending = bundles.get(react)
  if (!pending) {
    pending = build({
      entryPoints: [new URL('kit-app.tsx', import.meta.url).pathname],
      bundle: true,
      write: false,
      format: 'esm',
      jsx: 'automatic',
      conditions: ['@payfect/source'],
      define: { 'process.env.NODE_ENV': '"development"' },
      alias: {
        // React 18 from packages/react/test/react-18, where it is installed beside its own react-dom.
        ...(react === '18' ? { react: `${root}packages/react/test/react-18/node_modules/react`, 'react-dom': `${root}packages/react/test/react-18/node_modules/react-dom` } : {}),
        // To check that a scenario fails on another version of the kit: PAYFECT_KIT_SOURCE=path/to/src/index.ts.
        ...(process.env.PAYFECT_KIT_SOURCE ? { '@payfect/react': process.env.PAYFECT_KIT_SOURCE } : {}),
      },
      absWorkingDir: root,
      logLevel: 'silent',
    }).then((result) => result.outputFiles![0]!.text)
    bundles.set(react, pending)
  }
  return pending
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      res.statusCode = 500
      res.end(String(error))
    })
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

const port = (server: Server) => (server.address() as AddressInfo).port

function send(res: ServerResponse, type: string, body: string, headers: Record<string, string> = {}) {
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers })
  res.end(body)
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const body = chunks.length ? Buffer.concat(chunks) : undefined
  return new Request(new URL(req.url ?? '/', origin), { method: req.method, headers: req.headers as Record<string, string>, body })
}

const hostedPage = (id: string, success: string, cancel: string, amount: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Payfect checkout</title></head>
<body><h1>Pay ${amount} USDT</h1><p>Checkout ${id}</p>
<button type="button" id="pay">Pay</button> <button type="button" id="cancel">Cancel</button>
<script>
document.getElementById('pay').onclick = async () => {
  await fetch('/checkouts/${id}/pay', { method: 'POST' })
  location.href = ${JSON.stringify(success)}
}
document.getElementById('cancel').onclick = () => { location.href = ${JSON.stringify(cancel)} }
</script></body></html>`

export interface KitShop {
  /** The shop's page, e.g. `${shop.url}/?mode=popup`. */
  url: string
  hostedOrigin: string
  route: FakeRoute
  close(): Promise<void>
}

export interface KitShopOptions extends Partial<Omit<FakeRouteOptions, 'hostedOrigin' | 'shopOrigin'>> {
  react?: '18' | '19'
  /** Sent with the hosted page (e.g. `X-Frame-Options: DENY`). */
  hostedHeaders?: Record<string, string>
}

export async function startKitShop(options: KitShopOptions = {}): Promise<KitShop> {
  const { react = '19', hostedHeaders = {}, ...routeOptions } = options
  let route!: FakeRoute
  const hosted = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const paid = /^\/checkouts\/([\w-]+)\/pay$/.exec(url.pathname)
    if (paid && req.method === 'POST') {
      route.pay(paid[1]!)
      return send(res, 'application/json', '{}', { 'access-control-allow-origin': '*' })
    }
    const page = /^\/checkouts\/([\w-]+)$/.exec(url.pathname)
    const checkout = page && route.get(page[1]!)
    if (!checkout) {
      res.statusCode = 404
      return res.end('no such checkout')
    }
    send(res, 'text/html; charset=utf-8', hostedPage(checkout.id, checkout.successUrl ?? '/', checkout.cancelUrl ?? '/', checkout.amountTotal), hostedHeaders)
  })
  const hostedOrigin = `http://127.0.0.1:${port(hosted)}`
  const shop = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname === '/api/checkouts') {
      const response = await route.handle(await toRequest(req, shopOrigin))
      res.writeHead(response.status, { 'content-type': 'application/json' })
      return res.end(await response.text())
    }
    if (url.pathname === '/app.js') return send(res, 'text/javascript', await bundle(react))
    if (url.pathname === '/styles.css') return send(res, 'text/css', await readFile(`${root}packages/react/src/styles.css`, 'utf8'))
    if (url.pathname === '/thanks' || url.pathname === '/cart') {
      return send(res, 'text/html; charset=utf-8', `<!doctype html><html lang="en"><title>Shop</title><h1>${url.pathname === '/thanks' ? 'Thanks' : 'Your cart'}</h1></html>`)
    }
    send(res, 'text/html; charset=utf-8', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kit shop</title><link rel="stylesheet" href="/styles.css"></head><body><div id="root"></div><script type="module" src="/app.js"></script></body></html>`)
  })
  const shopOrigin = `http://localhost:${port(shop)}`
  route = createFakeRoute({ ...routeOptions, hostedOrigin, shopOrigin })
  return {
    url: shopOrigin,
    hostedOrigin,
    route,
    async close() {
      for (const server of [shop, hosted]) {
        server.closeAllConnections()
        await new Promise((resolve) => server.close(resolve))
      }
    },
  }
}
