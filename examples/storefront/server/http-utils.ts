import type { IncomingMessage, ServerResponse } from 'node:http'

/** Sends JSON that no cache keeps: order lists change under a poller. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  res.end(text)
}

/** Sends the route handler's error shape: `{ error: { type, message, fields? } }`. */
export function sendError(res: ServerResponse, status: number, message: string, fields?: Record<string, string[]>): void {
  sendJson(res, status, { error: { type: 'invalid_request_error', message, ...(fields && Object.keys(fields).length > 0 ? { fields } : {}) } })
}

export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** Reads a JSON body of at most `limit` bytes; throws `BodyError` (415, 413, 400) otherwise. */
export async function readJson(req: IncomingMessage, limit = 64 * 1024): Promise<unknown> {
  const type = req.headers['content-type'] ?? ''
  // Requiring JSON also keeps cross-site HTML forms (which cannot send it) out.
  if (!/^application\/json\b/i.test(type)) {
    throw new BodyError(415, `Send the body as JSON with \`Content-Type: application/json\`; got ${type ? `\`${type}\`` : 'no content type'}.`)
  }
  // An honest oversized body is refused unread; a chunked one is cut off at the same cap below.
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    req.resume()
    throw new BodyError(413, `The body is larger than ${limit} bytes.`)
  }
  const chunks = await new Promise<Buffer[]>((resolve, reject) => {
    const received: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void received.push(chunk)
      // Drained, not buffered (nor the socket destroyed): the 413 still goes out on it.
      req.off('data', onData)
      req.resume()
      reject(new BodyError(413, `The body is larger than ${limit} bytes.`))
    }
    req.on('data', onData)
    req.once('end', () => resolve(received))
    req.once('error', reject)
  })
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new BodyError(400, 'The body is not valid JSON.')
  }
}
