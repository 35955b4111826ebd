import type { IncomingMessage, ServerResponse } from 'node:http'
import { PayfectConfigurationError } from './errors'
import { nodeHeaders, standardHeaders } from './node-headers'
import { nodeRequest } from './node-request'
import { unreadJsonResponse } from './node-response'
import { isFastPath } from './request-fast-path'

// The one Node-only file: it turns node:http / Express requests into web
// `Request`s for the web-standard handlers, and their `Response`s back.

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions {
  /**
   * Build the request URL from `X-Forwarded-Proto` / `X-Forwarded-Host`. Set it
   * only behind a proxy you run that overwrites those headers; otherwise any client can forge them.
   * @defaultValue false
   */
  trustProxy?: boolean
  /**
   * Told about a handler that threw, or a request that could not be adapted. The
   * client only ever sees a generic 500.
   * @defaultValue logs with `console.error`
   */
  onError?: (error: unknown) => void
}

/** A node:http / Express handler. `next` is accepted for Express but never called: the route is answered here. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void

type ExpressRequest = IncomingMessage & { body?: unknown }

/** Bodies up to this size are handed over in one buffer instead of a stream, both ways. */
const SMALL_BODY_BYTES = 1024 * 1024

/**
 * Serves a web-standard handler (`(request: Request) => Response`) from node:http or Express.
 * Mount it without a body parser (or with `express.raw()`): webhook signatures
 * cover the raw bytes, which a parsed-and-reserialised body would not reproduce.
 *
 * @example
 * app.all('/api/payfect/checkouts', toNodeHandler(checkoutHandler))
 * app.post('/api/payfect/webhook', toNodeHandler(createWebhookHandler({ secret, onEvent })))
 */
export function toNodeHandler(handler: (request: Request) => Response | Promise<Response>, options: NodeHandlerOptions = {}): NodeHandler {
  const onError = options.onError ?? ((error: unknown) => console.error('[@payfect/server] request handler failed; answered 500:', error))

  const fastPath = isFastPath(handler)

  return (req, res) => {
    // `request.signal` aborts when the client goes away; its controller is made with the standard Request.
    let abort: AbortController | undefined
    let gone = false
    res.on('close', () => {
      if (res.writableFinished) return
      gone = true
      abort?.abort()
    })
    const signal = () => {
      abort ??= new AbortController()
      if (gone) abort.abort()
      return abort.signal
    }
    void (async () => {
      try {
        // Small declared bodies are read whole first: a buffer costs far less than a stream.
        let body: Uint8Array<ArrayBuffer> | undefined
        if (smallBody(req as ExpressRequest)) {
          try {
            body = await readSmall(req)
          } catch (error) {
            // A client that left mid-body gets no answer and is no handler error.
            if (gone || req.destroyed) return
            throw error
          }
        }
        if (gone) return
        const url = requestUrl(req, options.trustProxy ?? false)
        const standard = () => toRequest(req as ExpressRequest, url, standardHeaders(req.rawHeaders), signal(), body)
        const request = fastPath ? nodeRequest({ method: req.method ?? 'GET', url, headers: nodeHeaders(req.rawHeaders), body, standard }) : standard()
        const response = await handler(request)
        await writeResponse(response, req.method === 'HEAD', res, () => gone)
        // A handler that answered without reading the whole body (405, 413) leaves `req` paused;
        // drain it, or the next request on this keep-alive connection would never be read.
        if (!req.readableEnded) discard(req)
      } catch (error) {
        onError(error)
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
          res.end(JSON.stringify({ error: { type: 'api_error', message: 'Internal server error.' } }))
        } else res.destroy()
      }
    })()
  }
}

function toRequest(req: ExpressRequest, url: string, headers: Headers, signal: AbortSignal, body: Uint8Array<ArrayBuffer> | undefined): Request {
  const method = req.method ?? 'GET'
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal }
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = body ?? readBody(req)
    init.duplex = 'half'
  }
  return new Request(url, init)
}

function requestUrl(req: IncomingMessage, trustProxy: boolean): string {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim()
  const encrypted = (req.socket as { encrypted?: boolean } | null)?.encrypted === true
  const forwardedProto = trustProxy ? first(req.headers['x-forwarded-proto'])?.toLowerCase() : undefined
  const protocol = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : encrypted ? 'https' : 'http'
  const host = (trustProxy && first(req.headers['x-forwarded-host'])) || req.headers.host || 'localhost'
  const origin = originOf(protocol, host)
  const target = req.url ?? '/'
  if (target.startsWith('/')) return origin + target
  // Absolute-form (`GET http://host/path`) or `*`: keep only the path and query.
  try {
    const url = new URL(target)
    return origin + url.pathname + url.search
  } catch {
    return `${origin}/`
  }
}

// Requests on one server nearly always name the same host: its origin is parsed once.
let lastOrigin = { authority: '', origin: '' }

function originOf(protocol: string, host: string): string {
  const authority = `${protocol}://${host}`
  if (authority !== lastOrigin.authority) {
    let origin: string
    try {
      origin = new URL(authority).origin
    } catch {
      origin = `${protocol}://localhost`
    }
    lastOrigin = { authority, origin }
  }
  return lastOrigin.origin
}

function readBody(req: ExpressRequest): BodyInit {
  const { body } = req
  if (typeof body === 'string' || body instanceof Uint8Array) return typeof body === 'string' ? body : new Uint8Array(body)
  if (req.readableEnded) {
    throw new PayfectConfigurationError({
      message:
        body !== undefined && body !== null
          ? 'The request body was already parsed by a body parser (`req.body` is an object), and the raw bytes are gone. Re-serialising it would break webhook signatures, so mount this route before `express.json()`/`express.urlencoded()`, or give it `express.raw({ type: "*/*" })`.'
          : 'The request body stream was already read by earlier middleware. Mount this route before any body parser, or give it `express.raw({ type: "*/*" })`.',
    })
  }
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer | string) => {
        if (discarded.has(req)) return
        controller.enqueue(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
        if ((controller.desiredSize ?? 1) <= 0) req.pause()
      })
      req.once('end', () => {
        if (!discarded.has(req)) controller.close()
      })
      req.once('error', (error) => {
        if (!discarded.has(req)) controller.error(error)
      })
    },
    pull() {
      req.resume()
    },
    cancel() {
      discard(req)
    },
  })
}

/** True when the body is declared, at most {@link SMALL_BODY_BYTES}, and still unread. */
function smallBody(req: ExpressRequest): boolean {
  if (req.method === 'GET' || req.method === 'HEAD' || req.body !== undefined || req.readableEnded) return false
  const declared = req.headers['content-length']
  if (declared === undefined || req.headers['transfer-encoding'] !== undefined) return false
  const length = Number(declared)
  return length > 0 && length <= SMALL_BODY_BYTES
}

/** Reads a body known to be small; rejects when the client goes away before it ends. */
function readSmall(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const onData = (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
    const onEnd = () => {
      cleanup()
      const whole = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
      resolve(new Uint8Array(whole.buffer as ArrayBuffer, whole.byteOffset, whole.byteLength))
    }
    const onError = (error: unknown) => {
      cleanup()
      reject(error instanceof Error ? error : new Error('The request body could not be read.'))
    }
    const onClose = () => onError(new Error('The client closed the connection before the request body ended.'))
    const cleanup = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      req.off('close', onClose)
    }
    req.on('data', onData)
    req.once('end', onEnd)
    req.once('error', onError)
    req.once('close', onClose)
  })
}

const discarded = new WeakSet<IncomingMessage>()

/** Reads and drops the rest of a body; destroying `req` would also kill the socket the answer (e.g. 413) goes out on. */
function discard(req: IncomingMessage): void {
  discarded.add(req)
  req.resume()
}

async function writeResponse(response: Response, head: boolean, res: ServerResponse, gone: () => boolean): Promise<void> {
  // The SDK's own JSON answers: head and text in one write, no web stream.
  const json = unreadJsonResponse(response)
  if (json) {
    res.writeHead(json.status, { ...json.headers, 'content-length': Buffer.byteLength(json.text) })
    res.end(head ? undefined : json.text)
    return
  }
  res.statusCode = response.status
  if (response.statusText) res.statusMessage = response.statusText
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value)
  }
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)

  if (!response.body || head) {
    await response.body?.cancel()
    res.end()
    return
  }
  const reader = response.body.getReader()
  try {
    // Whatever the body yields before the next macrotask is sent with the head in one
    // `res.end`, with a Content-Length; a body still being produced after that is streamed.
    const first: Uint8Array[] = []
    let size = 0
    const turn = new Promise<undefined>((resolve) => setImmediate(resolve, undefined))
    let pending = reader.read()
    while (size <= SMALL_BODY_BYTES) {
      const result = await Promise.race([pending, turn])
      if (result === undefined) break
      if (result.done) {
        res.end(first.length === 1 ? first[0] : Buffer.concat(first, size))
        return
      }
      first.push(result.value)
      size += result.value.byteLength
      pending = reader.read()
    }
    res.flushHeaders()
    for (const chunk of first) {
      if (!res.write(chunk)) await drained(res)
    }
    for (;;) {
      if (gone()) {
        await reader.cancel()
        return
      }
      const { done, value } = await pending
      if (done) break
      if (!res.write(value)) await drained(res)
      pending = reader.read()
    }
  } finally {
    reader.releaseLock()
  }
  res.end()
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const resume = () => {
      res.off('drain', resume)
      res.off('close', resume)
      resolve()
    }
    res.on('drain', resume)
    res.on('close', resume)
  })
}
