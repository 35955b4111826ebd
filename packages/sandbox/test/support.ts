import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { verifyWebhook, type WebhookEvent } from '@payfect/server'
import type { Sandbox } from '../src/index'

export interface ApiAnswer {
  status: number
  headers: Headers
  // oxlint-disable-next-line typescript/no-explicit-any -- tests index into JSON freely
  body: any
  text: string
}

/** One HTTP call to the sandbox; `key: null` sends no Authorization header. */
export async function call(
  sb: Pick<Sandbox, 'url' | 'apiKey'>,
  method: string,
  path: string,
  options: { body?: unknown; raw?: string; key?: string | null; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { ...options.headers }
  const key = options.key === undefined ? sb.apiKey : options.key
  if (key !== null) headers.authorization ??= `Api-Key ${key}`
  let body: string | undefined
  if (options.raw !== undefined) body = options.raw
  else if (options.body !== undefined) body = JSON.stringify(options.body)
  if (body !== undefined) headers['content-type'] ??= 'application/json'
  const res = await fetch(`${sb.url}${path}`, { method, headers, body, redirect: 'manual' })
  const text = await res.text()
  let parsed: unknown = undefined
  if ((res.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text)
  return { status: res.status, headers: res.headers, body: parsed, text }
}

export interface ReceivedCallback {
  headers: IncomingHttpHeaders
  body: string
  /** The outcome of `verifyWebhook` on this delivery. */
  event?: WebhookEvent
  error?: unknown
}

/**
 * A merchant's webhook endpoint on 127.0.0.1 that checks every delivery with
 * `verifyWebhook`. `answer(n)` picks the status of the n-th request (1-based).
 */
export async function startReceiver(secret: string, answer: (n: number) => number = () => 200) {
  const received: ReceivedCallback[] = []
  const waiters: Array<{ count: number; resolve: () => void }> = []
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const entry: ReceivedCallback = { headers: req.headers, body }
      try {
        entry.event = await verifyWebhook({ payload: body, signature: req.headers['x-payfect-signature'] as string | undefined, secret })
      } catch (error) {
        entry.error = error
      }
      received.push(entry)
      res.writeHead(answer(received.length)).end()
      for (const waiter of waiters.filter((w) => received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve()
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhooks/payfect`,
    received,
    /** Resolves once `count` requests have arrived. */
    waitFor: (count: number) =>
      received.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A clock tests move by hand. */
export function manualClock(start = Date.UTC(2026, 0, 15, 12, 0, 0)) {
  let t = start
  return { now: () => t, advance: (ms: number) => void (t += ms), set: (ms: number) => void (t = ms) }
}

/** The key structure of a JSON value: objects by key set, arrays of objects by their first element; other values are leaves. */
export function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value[0] && typeof value[0] === 'object' ? [shapeOf(value[0])] : 'leaf'
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, shapeOf((value as Record<string, unknown>)[k])]))
  }
  return 'leaf'
}

/**
 * A pass-through in front of the sandbox that answers creates (POST 200) with 201,
 * DRF's default and what Payfect may send, so a client can be run against both.
 */
export async function startCreatedProxy(target: string) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', async () => {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => typeof v === 'string' && k !== 'host' && k !== 'content-length')) as Record<string, string>
      const upstream = await fetch(`${target}${req.url}`, { method: req.method, headers, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) })
      const body = Buffer.from(await upstream.arrayBuffer())
      const status = req.method === 'POST' && upstream.status === 200 ? 201 : upstream.status
      res.writeHead(status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
