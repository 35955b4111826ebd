/**
 * A shop on the real route: `createCheckoutHandler` (with `createFramingProbe()` when asked) in
 * front of a real sandbox whose hosted page answers frames as `framing` says, and framing-app.tsx
 * bundled by esbuild from @payfect/react's source. The shop is addressed as `localhost`, the
 * sandbox as `127.0.0.1`, so the hosted page is cross-site as in production; both listen on 127.0.0.1, port 0.
 */
import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { build } from 'esbuild'
import { startSandbox, type Framing, type Sandbox } from '@payfect/sandbox'
import { createCheckoutHandler } from '@payfect/server'
import { createFramingProbe } from '@payfect/server/framing'
import { toNodeHandler } from '@payfect/server/node'
import type { CheckoutSummary } from '../../packages/contract/src/index'

const root = new URL('../../', import.meta.url).pathname
let script: Promise<string> | undefined

function bundle(): Promise<string> {
  script ??= build({
    entryPoints: [new URL('framing-app.tsx', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'esm',
    jsx: 'automatic',
    conditions: ['@payfect/source'],
    define: { 'process.env.NODE_ENV': '"development"' },
    absWorkingDir: root,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text)
  return script
}

export interface RouteShop {
  /** The shop's origin, `http://localhost:PORT`: the route's `publicOrigin`. */
  url: string
  sandbox: Sandbox
  /** What the route answered each shopper's `POST`, in order (the probe's own checkouts are not among them). */
  created: CheckoutSummary[]
  close(): Promise<void>
}

export interface RouteShopOptions {
  /** How the sandbox's hosted page answers a frame. */
  framing: Framing
  /** The route's `framingProbe`: `createFramingProbe()` when true. */
  probe: boolean
}

export async function startRouteShop({ framing, probe }: RouteShopOptions): Promise<RouteShop> {
  const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, framing })
  let handler: ReturnType<typeof toNodeHandler> | undefined
  const shop: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    if (path === '/api/checkouts' && handler) return void handler(req, res)
    const send = (type: string, body: string) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' })
      res.end(body)
    }
    const page = async () => {
      if (path === '/app.js') return send('text/javascript', await bundle())
      if (path === '/styles.css') return send('text/css', await readFile(`${root}packages/react/src/styles.css`, 'utf8'))
      if (path === '/thanks' || path === '/cart') return send('text/html; charset=utf-8', `<!doctype html><html lang="en"><title>Shop</title><h1>${path === '/thanks' ? 'Thanks' : 'Your cart'}</h1></html>`)
      send('text/html; charset=utf-8', '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Framing shop</title><link rel="stylesheet" href="/styles.css"></head><body><div id="root"></div><script type="module" src="/app.js"></script></body></html>')
    }
    page().catch((error: unknown) => {
      res.statusCode = 500
      res.end(String(error))
    })
  })
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve))
  const url = `http://localhost:${(shop.address() as AddressInfo).port}`
  const route = createCheckoutHandler({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.apiBase,
    publicOrigin: url,
    catalog: { hoodie: { name: 'Aurora Hoodie', unitAmount: '20.00', currency: 'usdt' } },
    successUrl: '/thanks',
    cancelUrl: '/cart',
    ...(probe ? { framingProbe: createFramingProbe() } : {}),
  })
  const created: CheckoutSummary[] = []
  handler = toNodeHandler(async (request) => {
    const response = await route(request)
    if (request.method === 'POST' && response.ok) created.push((await response.clone().json()) as CheckoutSummary)
    return response
  })
  return {
    url,
    sandbox,
    created,
    async close() {
      shop.closeAllConnections()
      await new Promise((resolve) => shop.close(resolve))
      await sandbox.close()
    },
  }
}
