// The server side of bench 2, run in its own process so the load generator does not share
// its event loop: a Payfect sandbox, and one node:http server with two routes that create
// the same checkout from the same catalog —
//   /api/payfect/checkouts  toNodeHandler(createCheckoutHandler(...))   (the subject)
//   /plain                  a hand-written route calling the sandbox with plain fetch (the baseline)
// Prints `{"url": ...}` on stdout when ready; exits when stdin closes.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { startSandbox } from '@payfect/sandbox'
import { createCheckoutHandler } from '@payfect/server'
import { toNodeHandler } from '@payfect/server/node'

const catalog = {
  'pro-plan': { name: 'Pro plan', unitAmount: '20.50', currency: 'usdt' },
  sticker: { name: 'Sticker', unitAmount: '1.25', currency: 'usdt' },
} as const

const sandbox = await startSandbox({ host: '127.0.0.1', port: 0 })
// Both routes send the same absolute URLs, on the shop's configured origin (never the Host).
const shopOrigin = 'https://shop.example'

const subject = toNodeHandler(
  createCheckoutHandler({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.apiBase,
    publicOrigin: shopOrigin,
    env: { NODE_ENV: 'production' },
    catalog,
    successUrl: '/success',
    cancelUrl: '/cancel',
  }),
)

// What a merchant would write without the SDK: look the prices up, POST to Payfect with fetch.
async function plain(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { items: Array<{ price: string; quantity?: number }> }
  const invoiceItems = body.items.map((item) => {
    const product = catalog[item.price as keyof typeof catalog]
    if (!product) throw new Error(`unknown price ${item.price}`)
    return { price_data: { currency: product.currency, unit_amount: product.unitAmount, product_data: { name: product.name } }, quantity: item.quantity ?? 1 }
  })
  const upstream = await fetch(`${sandbox.apiBase}/checkouts/`, {
    method: 'POST',
    headers: { authorization: `Api-Key ${sandbox.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ currency: 'usdt', invoice_items: invoiceItems, success_url: `${shopOrigin}/success`, cancel_url: `${shopOrigin}/cancel` }),
  })
  const checkout = (await upstream.json()) as Record<string, unknown>
  const summary = { id: checkout.id, url: checkout.url, status: checkout.status, amountTotal: checkout.amountTotal, currency: checkout.currency, expiresAt: checkout.expiresAt }
  res.writeHead(upstream.ok ? 200 : 502, { 'content-type': 'application/json' })
  res.end(JSON.stringify(summary))
}

const server = createServer((req, res) => {
  if (req.url?.startsWith('/api/payfect/checkouts')) return subject(req, res)
  if (req.url === '/plain') {
    plain(req, res).catch(() => {
      res.writeHead(500)
      res.end()
    })
    return
  }
  res.writeHead(404)
  res.end()
})
server.keepAliveTimeout = 60_000
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const address = server.address()
if (!address || typeof address === 'string') throw new Error('no address')
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${address.port}`, sandbox: sandbox.apiBase, apiKey: sandbox.apiKey })}\n`)

process.stdin.resume()
process.stdin.on('end', () => {
  server.closeAllConnections()
  server.close()
  void sandbox.close().then(() => process.exit(0))
})
