import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'

// The one Node-only module: node:http / Express requests become web `Request`s for the
// web-standard handlers, and their `Response`s go back. Nothing else imports it.

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions {
  /**
   * The largest body read; a bigger one is answered 413 before it is buffered.
   * @defaultValue 256 KiB (the webhook's cap; the checkout route holds to 64 KiB itself)
   */
  maxBodyBytes?: number
  /**
   * Origins whose browser requests may reach the handler, checked before the body is read;
   * a request with another `Origin` is answered 403 unread. Leave it out for a webhook (Payfect sends no `Origin`).
   * @defaultValue no check here (the checkout route checks `Origin` against `publicOrigin` itself)
   * @example { allowedOrigins: ['https://shop.example'] }
   */
  allowedOrigins?: readonly string[]
  /**
   * Told about a handler that threw; the client only sees a generic 500.
   * @defaultValue logs with `console.error`
   */
  onError?: (error: unknown) => void
}

/** A node:http / Express handler. `next` is accepted for Express but never called: the route is answered here. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void

/**
 * Serves a web-standard handler from node:http or Express. The request URL names the client's
 * `Host`, as every framework's does, and never `X-Forwarded-*`; the handlers take no origin from
 * it (they use `publicOrigin`). `request.signal` aborts when the client goes away.
 *
 * @example
 * app.all('/api/payfect/checkouts', toNodeHandler(createCheckoutHandler({ catalog })))
 * app.post('/api/payfect/webhook', toNodeHandler(createWebhookHandler({ onPayment })))
 */
export function toNodeHandler(handler: (request: Request) => Response | Promise<Response>, options: NodeHandlerOptions = {}): NodeHandler {
  const limit = options.maxBodyBytes ?? 256 * 1024
  const allowed = options.allowedOrigins && new Set(options.allowedOrigins)
  const onError = options.onError ?? ((error: unknown) => console.error('[@payfect/server] request handler failed; answered 500:', error))
  return (req, res) => {
    const abort = new AbortController()
    res.on('close', () => res.writableFinished || abort.abort())
    let tooLarge = false
    void (async () => {
      try {
        // Both refusals come before a byte of the body is read.
        const origin = req.headers.origin
        if (allowed && origin !== undefined && !allowed.has(origin)) return refuse(req, res, 403, 'cross_origin', 'This origin may not call this route.')
        if (Number(req.headers['content-length'] ?? 0) > limit) return refuse(req, res, 413, 'body_too_large', `Send at most ${limit} bytes.`)
        const body = bodyOf(req, limit, () => (tooLarge = true))
        const response = await handler(toRequest(req, body, abort.signal))
        if (tooLarge && !res.headersSent) return refuse(req, res, 413, 'body_too_large', `Send at most ${limit} bytes.`)
        await writeResponse(response, req.method === 'HEAD', res)
        // A handler that answered without reading the whole body (403, 405) leaves the rest unread;
        // drained, the keep-alive connection stays usable.
        if (!req.readableEnded) discard(req)
      } catch (error) {
        if (tooLarge && !res.headersSent) return refuse(req, res, 413, 'body_too_large', `Send at most ${limit} bytes.`)
        if (abort.signal.aborted) return
        onError(error)
        if (!res.headersSent) refuse(req, res, 500, 'internal_error', 'Internal server error.')
        else res.destroy()
      }
    })()
  }
}

/**
 * The body as a stream the handler reads at its own pace (so its checks run before anything is
 * buffered), cut off past `limit`; or what a body parser left on `req.body`.
 */
function bodyOf(req: IncomingMessage & { body?: unknown }, limit: number, over: () => void): BodyInit | undefined {
  const parsed = req.body
  if (typeof parsed === 'string' || parsed instanceof Uint8Array) return parsed as BodyInit
  // `express.json()` already parsed it: the webhook checks it is plain JSON and compares structurally.
  if (parsed !== undefined && parsed !== null && typeof parsed === 'object' && req.readableEnded) return JSON.stringify(parsed)
  if (req.method === 'GET' || req.method === 'HEAD') return undefined
  if (req.readableEnded) throw new Error('The request body was already read by earlier middleware: mount this route before any body parser, or give it `express.raw()`.')
  let size = 0
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) => {
        // Once refused or dropped, the rest is read and thrown away: the answer still goes out on this socket.
        if (discarded.has(req)) return
        size += chunk.length
        if (size > limit) {
          over()
          discard(req)
          return controller.error(new RangeError(`The request body is over ${limit} bytes.`))
        }
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
        if ((controller.desiredSize ?? 1) <= 0) req.pause()
      })
      req.once('end', () => discarded.has(req) || controller.close())
      req.once('error', (error) => discarded.has(req) || controller.error(error))
      req.pause()
    },
    pull: () => void req.resume(),
    cancel: () => discard(req),
  })
}

const discarded = new WeakSet<IncomingMessage>()

function discard(req: IncomingMessage): void {
  discarded.add(req)
  req.resume()
}

function toRequest(req: IncomingMessage, body: BodyInit | undefined, signal: AbortSignal): Request {
  const headers = new Headers()
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!
    // HTTP/2 pseudo-headers (`:path`) are not header names to a Request.
    if (!name.startsWith(':')) headers.append(name, req.rawHeaders[i + 1]!)
  }
  if (typeof body === 'string') {
    headers.set('content-type', 'application/json')
    headers.delete('content-length')
  }
  // Like every framework, the URL names the Host the client sent; the handlers never trust it
  // for anything but a loopback stand-in in development (they use `publicOrigin`).
  const host = URL.canParse(`http://${req.headers.host}`) ? new URL(`http://${req.headers.host}`).host : 'localhost'
  const target = req.url ?? '/'
  // Absolute-form targets (`GET http://host/path`) keep only their path: the origin is never the client's to name.
  const url = new URL(`http://${host}${target.startsWith('/') ? target : URL.canParse(target) ? new URL(target).pathname : '/'}`)
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers, signal, body, duplex: 'half' }
  return new Request(url, init)
}

/** A body complete by the next turn goes out whole with a Content-Length; one still being produced streams. */
async function writeResponse(response: Response, head: boolean, res: ServerResponse): Promise<void> {
  const headers = headersOf(response)
  if (!response.body || head) {
    res.writeHead(response.status, response.statusText, headers).end()
    return void response.body?.cancel().catch(() => {})
  }
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  for (let next = reader.read(); ; next = reader.read()) {
    const step = await Promise.race([next, new Promise<undefined>((resolve) => setImmediate(() => resolve(undefined)))])
    if (step?.done) return void res.writeHead(response.status, response.statusText, { ...headers, 'content-length': String(chunks.reduce((n, c) => n + c.byteLength, 0)) }).end(Buffer.concat(chunks))
    if (step) chunks.push(step.value)
    else {
      res.writeHead(response.status, response.statusText, headers)
      for (const chunk of chunks) res.write(chunk)
      const pending = next
      const rest = new ReadableStream<Uint8Array>({
        async start(controller) {
          const first = await pending
          if (first.done) controller.close()
          else controller.enqueue(first.value)
        },
        async pull(controller) {
          const { done, value } = await reader.read()
          if (done) controller.close()
          else controller.enqueue(value)
        },
        cancel: (reason) => reader.cancel(reason),
      })
      // The client leaving ends the pipe and cancels the handler's stream.
      return new Promise<void>((resolve, reject) => Readable.fromWeb(rest as never).on('error', reject).pipe(res).on('close', resolve))
    }
  }
}

function headersOf(response: Response): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [name, value] of response.headers) if (name !== 'set-cookie') out[name] = value
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) out['set-cookie'] = cookies
  return out
}

function refuse(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string): void {
  if (!req.readableEnded) discard(req)
  const type = status === 403 ? 'permission_error' : status === 500 ? 'api_error' : 'invalid_request_error'
  const text = JSON.stringify({ error: { type, code, message } })
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' })
  res.end(text)
}
