import { describe } from '../describe'
import { configError, PayfectSignatureError } from '../errors'
import type { WebhookEvent } from '../types'
import { decrypt, type FernetKeys } from './fernet'
import { jsonEqual } from './json-equal'
import { jsonTextProblem, jsonValueProblem } from './plain-json'

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /**
   * The request body: best the raw text or bytes as received; a body a parser already made
   * (`express.json()`'s `req.body`) is accepted when it is plain JSON data.
   * @example await request.text()
   */
  payload: string | Uint8Array | object
  /**
   * The `X-Payfect-Signature` header: a Fernet token over the JSON Payfect sent.
   * @example request.headers.get('x-payfect-signature')
   */
  signature: string | null | undefined
  /**
   * The webhook secret from the Payfect dashboard (base64url of 32 bytes); a list while rotating, newest first.
   * @example [process.env.PAYFECT_WEBHOOK_SECRET, process.env.PAYFECT_WEBHOOK_SECRET_OLD]
   */
  secret: string | readonly string[]
  /**
   * Refuse signatures older than this many seconds (replays).
   * @defaultValue 300
   */
  toleranceSeconds?: number
  /**
   * The current time in Unix seconds, for tests.
   * @defaultValue `Date.now() / 1000`
   */
  now?: number
}

export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300
const CLOCK_SKEW_SECONDS = 60

/** Throws `PayfectConfigurationError` for a tolerance that is not a non-negative number. */
export function checkTolerance(toleranceSeconds: unknown): number {
  if (toleranceSeconds === undefined) return DEFAULT_WEBHOOK_TOLERANCE_SECONDS
  if (typeof toleranceSeconds === 'number' && toleranceSeconds >= 0) return toleranceSeconds
  throw configError(`\`toleranceSeconds\` must be a number >= 0 (got ${describe(toleranceSeconds)}); omit it for ${DEFAULT_WEBHOOK_TOLERANCE_SECONDS}.`)
}

const mismatch = (why: string) =>
  new PayfectSignatureError('mismatch', `The body does not match the signature (${why}); pass the raw request body, \`await request.text()\` (Express: \`express.raw()\`).`)

/**
 * Checks a Payfect callback and returns the content of its signature token: the
 * `X-Payfect-Signature` Fernet token must open with a `secret`, be fresh, hold plain JSON, and
 * equal the body (byte for byte, else structurally). Throws `PayfectSignatureError` (with a
 * `reason`) otherwise; act on nothing in a refused request.
 *
 * @example
 * const event = await verifyWebhook({ payload: await request.text(), signature: request.headers.get('x-payfect-signature'), secret })
 */
export function verifyWebhook(options: VerifyWebhookOptions): Promise<WebhookEvent> {
  const secrets = typeof options?.secret === 'string' ? [options.secret] : options?.secret
  return verifyCallback(options, secrets)
}

/** {@link verifyWebhook} with the secrets given apart, perhaps already imported (the handler keeps its keys). */
export async function verifyCallback(options: Omit<VerifyWebhookOptions, 'secret'>, secrets: readonly (string | FernetKeys)[] | undefined): Promise<WebhookEvent> {
  const { payload, signature, now } = options
  const ttlSeconds = checkTolerance(options.toleranceSeconds)
  if (typeof signature !== 'string' || signature.trim() === '') {
    throw new PayfectSignatureError('missing', "No `X-Payfect-Signature` header: pass `request.headers.get('x-payfect-signature')`, and check no proxy strips it.")
  }
  if (!Array.isArray(secrets) || secrets.length === 0) throw configError('`secret` must be the webhook secret, or a non-empty list of them while rotating.')

  let signed: Uint8Array | undefined
  for (const [i, secret] of secrets.entries()) {
    try {
      signed = await decrypt(secret, signature.trim(), { ttlSeconds, now, maxClockSkewSeconds: CLOCK_SKEW_SECONDS })
      break
    } catch (error) {
      // Another secret of a rotation may have signed it; any other refusal is final.
      if (error instanceof PayfectSignatureError && error.reason === 'bad_hmac' && i < secrets.length - 1) continue
      if (error instanceof PayfectSignatureError) throw new PayfectSignatureError(error.reason, `X-Payfect-Signature refused: ${error.message}`, error)
      throw error
    }
  }
  const signedText = decode(signed!)
  const signedProblem = signedText === undefined ? 'it is not UTF-8' : jsonTextProblem(signedText)
  const event = signedText === undefined ? undefined : parse(signedText)
  if (signedProblem || !event || typeof event.value !== 'object' || event.value === null || Array.isArray(event.value)) {
    throw new PayfectSignatureError('malformed', `The signed content is not a plain JSON object (${signedProblem ?? 'not JSON'}); it is not a Payfect callback.`)
  }

  if (typeof payload === 'string' || payload instanceof Uint8Array) {
    const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload
    if (sameBytes(bytes, signed!)) return event.value as WebhookEvent
    const text = decode(bytes)
    const problem = text === undefined ? 'the body is not UTF-8' : jsonTextProblem(text)
    if (problem) throw mismatch(problem)
    const body = parse(text!)
    if (!body || !jsonEqual(body.value, event.value)) throw mismatch(body ? 'the body differs from the signed JSON' : 'the body is not JSON')
    return event.value as WebhookEvent
  }
  if (typeof payload !== 'object' || payload === null) throw mismatch(`the payload is ${describe(payload)}, not the body`)
  const problem = jsonValueProblem(payload)
  if (problem) throw mismatch(`the parsed body is not plain JSON: ${problem}`)
  if (!jsonEqual(payload, event.value)) throw mismatch('the parsed body differs from the signed JSON')
  return event.value as WebhookEvent
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function decode(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

function parse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) }
  } catch {
    return undefined
  }
}
