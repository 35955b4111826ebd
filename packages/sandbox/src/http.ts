import type { IncomingMessage, ServerResponse } from 'node:http'
import { framingHeaders, type Framing } from './framing'
import type { ErrorMap } from './validate'

/** The largest request body accepted. */
export const MAX_BODY_BYTES = 1024 * 1024

/** A refusal with a DRF-shaped body; thrown by handlers, answered by the router. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: { detail: string } | ErrorMap,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.detail === 'string' ? body.detail : `HTTP ${status}`)
  }
}

export const notFound = (): HttpError => new HttpError(404, { detail: 'Not found.' })
/** DRF's permission refusal: Payfect's docs answer 403 for a resource the key may not access. */
export const forbidden = (): HttpError => new HttpError(403, { detail: 'You do not have permission to perform this action.' })
export const badRequest = (detail: string): HttpError => new HttpError(400, { detail })

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  })
  res.end(text)
}

/** Pages may be framed anywhere unless `framing` says otherwise (the hosted page's rehearsal); nothing else is relaxed. */
export function sendHtml(res: ServerResponse, status: number, html: string, framing: Framing = 'allow'): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    ...framingHeaders(framing),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  })
  res.end(html)
}

/** An image the sandbox made itself, cacheable for a day. */
export function sendSvg(res: ServerResponse, svg: string): void {
  res.writeHead(200, {
    'Content-Type': 'image/svg+xml',
    'Content-Length': Buffer.byteLength(svg),
    'Cache-Control': 'public, max-age=86400',
    'X-Content-Type-Options': 'nosniff',
  })
  res.end(svg)
}

/** Reads the body up to {@link MAX_BODY_BYTES}; throws 413 beyond it without buffering the rest. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const tooLarge = () =>
    new HttpError(413, { detail: `Request body too large: the limit is ${MAX_BODY_BYTES} bytes (1 MiB).` }, { Connection: 'close' })
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_BODY_BYTES) {
    req.resume()
    throw tooLarge()
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) {
      req.resume()
      throw tooLarge()
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Parses a JSON request body as DRF's `JSONParser` would: an empty body is `{}`,
 * a wrong media type is 415, and bad JSON is a 400 that says where and why.
 */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req)
  if (text.trim() === '') return {}
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new HttpError(415, {
      detail: `Unsupported media type "${type.slice(0, 100)}" in request. Send JSON with the header "Content-Type: application/json".`,
    })
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new HttpError(400, { detail: `JSON parse error - ${describeJsonError(text, error)}` })
  }
}

function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const at = /position (\d+)/.exec(message)
  let where = ''
  if (at && !/line \d+/.test(message)) {
    const before = text.slice(0, Number(at[1]))
    const line = before.split('\n').length
    const column = before.length - before.lastIndexOf('\n')
    where = ` (line ${line} column ${column})`
  }
  // The original "Create a Checkout" sample has trailing commas; say so plainly.
  const hint = /,\s*[}\]]/.test(text) ? ' JSON does not allow trailing commas: remove the comma before the closing "}" or "]".' : ''
  return `${message}${where}.${hint}`
}
