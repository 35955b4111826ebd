import { bodyAlreadyRead, readCappedBody } from '../read-capped-body'
import { refusal, RouteError } from './refusal'

/** The largest checkout request body accepted: 64 KiB is far more than 100 item keys need. */
export const MAX_BODY_BYTES = 64 * 1024

/**
 * Reads a request body as JSON, refusing a wrong content type (415), a body over
 * `limit` bytes (413) and anything that is not UTF-8 JSON (400). The limit holds while
 * the stream is read: `Content-Length` may be absent (chunked) or lie. Requiring
 * `application/json` also keeps out cross-site form posts, which need no preflight.
 */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const mediaType = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase()
  if (mediaType !== 'application/json') {
    throw new RouteError(415, 'invalid_request_error', 'json_required', 'Send the checkout request as JSON with `Content-Type: application/json`.')
  }
  if (bodyAlreadyRead(request)) {
    throw new RouteError(500, 'configuration_error', 'body_already_read', 'Something read the request body before createCheckoutHandler; pass the untouched request (or `request.clone()`) to the handler.')
  }
  const tooLarge = () => new RouteError(413, 'invalid_request_error', 'body_too_large', `Send at most ${limit / 1024} KiB: a checkout request needs only price keys and quantities.`)
  // An honest oversized request fails before a byte is read.
  if (Number(request.headers.get('content-length')) > limit) throw tooLarge()
  const bytes = await readCappedBody(request, limit)
  if (!bytes) throw tooLarge()
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw refusal('invalid_json', 'Send the body as JSON text encoded in UTF-8.')
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw text.trim() === ''
      ? refusal('invalid_json', 'The request body is empty; send JSON such as `{"items":[{"price":"<catalog key>","quantity":1}]}`.')
      : refusal('invalid_json', 'The request body is not valid JSON; send it with `JSON.stringify(...)`.')
  }
}
