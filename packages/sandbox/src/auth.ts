import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { HttpError } from './http'
import type { MerchantRecord } from './types'

const KEYWORD = 'Api-Key'

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()

/**
 * Finds the merchant whose key is in `Authorization: Api-Key <key>`, as the live
 * API does. Keys are compared by constant-time digest, and no message ever
 * repeats the key that was sent.
 *
 * @throws {HttpError} 401 `Authentication credentials were not provided.` without the header,
 *   401 `Invalid API key.` for a key no merchant has.
 */
export function authenticate(req: IncomingMessage, merchants: readonly MerchantRecord[]): MerchantRecord {
  const header = req.headers.authorization
  if (header === undefined || header.trim() === '') {
    throw unauthorized('Authentication credentials were not provided.')
  }
  const [scheme, key, ...rest] = header.trim().split(/\s+/)
  if (scheme?.toLowerCase() !== KEYWORD.toLowerCase()) {
    throw unauthorized(`Invalid authorization header. Send the key as "Authorization: ${KEYWORD} <key>".`)
  }
  if (!key || rest.length > 0) {
    throw unauthorized(`Invalid API key header. Send exactly "Authorization: ${KEYWORD} <key>", with no spaces in the key.`)
  }
  const sent = digest(key)
  let found: MerchantRecord | undefined
  for (const merchant of merchants) {
    // Check every merchant so the time taken says nothing about which key was close.
    if (timingSafeEqual(sent, digest(merchant.apiKey))) found = merchant
  }
  if (!found) throw unauthorized('Invalid API key.')
  return found
}

function unauthorized(detail: string): HttpError {
  return new HttpError(401, { detail }, { 'WWW-Authenticate': KEYWORD })
}
