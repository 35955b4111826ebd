import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { HttpError } from './http'
import type { MerchantRecord } from './types'

const KEYWORD = 'Api-Key'

// A stale .env.local is the usual cause: say whose key it is and how to keep one. No final period:
// clients append their own sentence after DRF's detail ("Invalid API key.." otherwise).
const INVALID_KEY =
  'Invalid API key. Sandbox keys belong to the sandbox that made them: copy PAYFECT_API_KEY from the banner of the one running, ' +
  'or pin a key with payfect-sandbox --api-key (or PAYFECT_SANDBOX_API_KEY); the CLI also keeps its keys in .payfect-sandbox.json across restarts'

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()

/**
 * Finds the merchant whose key is in `Authorization: Api-Key <key>`, as the live
 * API does. Keys are compared by constant-time digest, and no message ever
 * repeats the key that was sent.
 *
 * @throws {HttpError} 401 `Authentication credentials were not provided.` without the header,
 *   401 `Invalid API key. Sandbox keys belong to …` for a key no merchant has, saying how to pin one.
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
  if (!found) throw unauthorized(INVALID_KEY)
  return found
}

function unauthorized(detail: string): HttpError {
  return new HttpError(401, { detail }, { 'WWW-Authenticate': KEYWORD })
}
