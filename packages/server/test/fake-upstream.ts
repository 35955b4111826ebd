import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Checkout } from '../src/types'

/**
 * A recording fake of the Payfect API on 127.0.0.1 (port 0) for tests: it keeps
 * every request it received and answers with scripted responses.
 *
 * Answers are picked in order: the queue (`enqueue`, first in first out), then a
 * matching route (`on`), then the fallback (default: 404 `{"detail": "Not found."}`).
 *
 * @example
 * const upstream = await startFakeUpstream()
 * upstream.on('POST', '/checkouts/', { status: 200, json: checkoutFixture() })
 * const payfect = new Payfect({ apiKey: 'sk_test', baseUrl: upstream.baseUrl })
 * await payfect.checkouts.create(params)
 * expect(upstream.requests[0]?.headers.authorization).toBe('Api-Key sk_test')
 * await upstream.close()
 */

export interface RecordedRequest {
  method: string
  /** The path below the base path, with the query: `/checkouts/abc/`. */
  path: string
  /** The full request target as sent: `/api/v1/checkouts/abc/`. */
  url: string
  /** Lower-cased header names, as Node gives them. */
  headers: IncomingHttpHeaders
  /** The raw body text ('' when none). */
  body: string
  /** The body parsed as JSON, or `undefined` when it is empty or not JSON. */
  json: unknown
}

export interface ScriptedReply {
  /** @defaultValue 200 */
  status?: number
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown
  /** Sent as is (`text/plain` unless `headers` say otherwise). Ignored when `json` is set. */
  text?: string
  headers?: Record<string, string>
  /** Wait this long before answering (or destroying). */
  delayMs?: number
  /**
   * Break the connection instead of answering: `'request'` destroys the socket once the
   * whole request was received (no response at all); `'response'` sends the status line,
   * headers and half the body, then destroys it.
   */
  destroy?: 'request' | 'response'
  /** Send the status line, headers and half the body, then nothing more (until `close`). */
  stall?: boolean
}

export type Scripted = ScriptedReply | ((request: RecordedRequest) => ScriptedReply | Promise<ScriptedReply>)

export interface FakeUpstream {
  /** `http://127.0.0.1:<port>/api/v1`: pass as the client's `baseUrl`. */
  baseUrl: string
  /** `http://127.0.0.1:<port>`. */
  origin: string
  /** Every request received, oldest first. */
  requests: RecordedRequest[]
  /** Queues one-shot answers, used before any route. */
  enqueue(...replies: Scripted[]): void
  /** Answers every `method path` (path below the base path, query ignored) with `reply`, until replaced. */
  on(method: string, path: string, reply: Scripted): void
  /** Replaces the answer for requests nothing else matched. */
  fallback(reply: Scripted): void
  /** Forgets requests, queued answers and routes. */
  reset(): void
  /** Stops listening and drops every open connection. */
  close(): Promise<void>
}

export async function startFakeUpstream(options: { basePath?: string } = {}): Promise<FakeUpstream> {
  const basePath = options.basePath ?? '/api/v1'
  const requests: RecordedRequest[] = []
  const queue: Scripted[] = []
  const routes = new Map<string, Scripted>()
  const defaultFallback: Scripted = { status: 404, json: { detail: 'Not found.' } }
  let fallback: Scripted = defaultFallback
  const sockets = new Set<Socket>()
  const timers = new Set<ReturnType<typeof setTimeout>>()

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    const url = req.url ?? '/'
    const path = url.startsWith(basePath) ? url.slice(basePath.length) || '/' : url
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path, url, headers: req.headers, body, json: parse(body) }
    requests.push(recorded)
    const scripted = queue.shift() ?? routes.get(`${recorded.method} ${path.split('?')[0]}`) ?? fallback
    const reply = typeof scripted === 'function' ? await scripted(recorded) : scripted
    if (reply.delayMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => (timers.delete(timer), resolve()), reply.delayMs)
        timers.add(timer)
      })
    }
    answer(res, reply)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`

  return {
    baseUrl: `${origin}${basePath}`,
    origin,
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    on: (method, path, reply) => void routes.set(`${method.toUpperCase()} ${path}`, reply),
    fallback: (reply) => void (fallback = reply),
    reset() {
      requests.length = 0
      queue.length = 0
      routes.clear()
      fallback = defaultFallback
    },
    close() {
      for (const timer of timers) clearTimeout(timer)
      for (const socket of sockets) socket.destroy()
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
    },
  }
}

function answer(res: ServerResponse, reply: ScriptedReply): void {
  if (res.destroyed) return
  if (reply.destroy === 'request') return void res.socket?.destroy()
  const isJson = reply.json !== undefined
  const payload = isJson ? JSON.stringify(reply.json) : (reply.text ?? '')
  const headers = { 'content-type': isJson ? 'application/json' : 'text/plain; charset=utf-8', ...reply.headers }
  if (reply.destroy === 'response' || reply.stall) {
    res.writeHead(reply.status ?? 200, { ...headers, 'content-length': String(Buffer.byteLength(payload) + 100) })
    res.write(payload.slice(0, Math.ceil(payload.length / 2)))
    // Let the partial body reach the client before the connection drops.
    if (reply.destroy) setTimeout(() => res.socket?.destroy(), 20)
    return
  }
  res.writeHead(reply.status ?? 200, headers)
  res.end(payload)
}

function parse(body: string): unknown {
  if (!body) return undefined
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

/** A port on 127.0.0.1 with nothing listening (bound on port 0, then closed): connections to it are refused. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** A checkout as Payfect returns it (the documented example), with `overrides` applied. */
export function checkoutFixture(overrides: Partial<Checkout> = {}): Checkout {
  const id = overrides.id ?? 'ed8d24aa-a860-426b-8e56-87cb9f55a081'
  return {
    id,
    merchant: { id: 'bf065cc8-343d-4419-be7d-ed2190f1df4d', name: 'Test Merchant' },
    nameCollection: false,
    emailCollection: false,
    phoneNumberCollection: false,
    shippingAddressCollection: null,
    invoiceItems: [
      {
        id: '0c4d6f4e-0a53-4b43-9a8e-1c1b7f2b9d10',
        price: '5b0f3c1e-8d5a-4f7e-9c2b-3a4d5e6f7a8b',
        priceData: {
          id: '5b0f3c1e-8d5a-4f7e-9c2b-3a4d5e6f7a8b',
          product: '9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d',
          productData: { id: '9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d', name: 'Standard Plan', description: null, images: [] },
          currency: 'usdt',
          unitAmount: '20.00',
        },
        quantity: 1,
        amount: '20.00',
      },
    ],
    amountTotal: '20.00',
    status: 'open',
    createdAt: '1690532072.288761',
    updatedAt: '1690532073.498443',
    clientReferenceId: null,
    currency: 'usdt',
    successUrl: 'https://example.com/success',
    cancelUrl: 'https://example.com/cancel',
    expiresAt: '1703939166000',
    paymentIntent: 'b7c30e83-5439-47b2-ac4d-81c64c1d0174',
    paymentMethodTypes: ['crypto', 'card'],
    paymentMethodOptions: {
      crypto: [{ currency: { value: 'usdt', name: 'Tether', logo: '/static/images/cryptos/usdt.png' }, networks: [{ value: 'tron', name: 'Tron (TRC20)' }] }],
      card: null,
    },
    url: `https://buy-dev.payfect.finance/checkouts/${id}`,
    metadata: null,
    isLivemode: false,
    ...overrides,
  }
}
