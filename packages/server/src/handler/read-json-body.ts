import { PayfectConfigurationError } from '../errors'
import { refusal } from './refusal'
import { readCappedBody } from '../read-capped-body'
import { bufferedBody } from '../request-fast-path'

/** The largest checkout request body accepted: 64 KiB is far more than 100 item keys need. */
export const MAX_BODY_BYTES = 64 * 1024

/**
 * Reads a request body as JSON, refusing a wrong content type (415), a body over
 * `limit` bytes (413) and anything that is not UTF-8 JSON (400).
 *
 * The limit is enforced while the stream is read: `Content-Length` may be absent
 * (chunked encoding) or lie, so it only lets an honest oversized request fail early.
 * Requiring `application/json` also keeps out cross-site form posts, which
 * browsers may send as `text/plain` without a CORS preflight.
 */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw refusal(415, 'The checkout request must be JSON: send it with `Content-Type: application/json`.')
  }
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > limit) throw tooLarge(limit)

  // A body toNodeHandler already read is decoded without a detour through a promise.
  const buffered = bufferedBody(request)
  const text = buffered && buffered.byteLength <= limit ? decode(buffered) : await readText(request, limit)
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw text.trim() === ''
      ? refusal(400, 'The request body is empty. Send JSON such as `{"items":[{"price":"<catalog key>","quantity":1}]}`.')
      : refusal(400, 'The request body is not valid JSON. Send it with `JSON.stringify(...)`.')
  }
}

function isJsonContentType(header: string | null): boolean {
  const mediaType = header?.split(';', 1)[0]?.trim().toLowerCase()
  return mediaType === 'application/json'
}

async function readText(request: Request, limit: number): Promise<string> {
  if (!bufferedBody(request)) {
    if (!request.body) return ''
    if (request.bodyUsed || request.body.locked) throw alreadyRead()
  }
  const bytes = await readCappedBody(request, limit)
  if (!bytes) throw tooLarge(limit)
  return decode(bytes)
}

function decode(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes)
  } catch {
    throw refusal(400, 'The request body is not valid UTF-8. Send JSON text encoded as UTF-8.')
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true })

function alreadyRead() {
  return new PayfectConfigurationError({
    message:
      'createCheckoutHandler: the request body was already read. Pass the untouched request (no body parser on this route) or `request.clone()`.',
  })
}

function tooLarge(limit: number) {
  return refusal(
    413,
    `The request body is larger than ${limit / 1024} KiB. A checkout request needs only price keys and quantities; send at most 100 items.`,
  )
}
