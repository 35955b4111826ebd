import { jsonEqual } from './deep-equal'
import { describe } from './describe'
import { configError, PayfectSignatureError } from './errors'
import { type FernetCryptoName, cryptoProvider } from './crypto-provider'
import { decrypt, fernetKeyBytes } from './fernet'
import type { WebhookEvent } from './types'
import { readCappedBody } from './read-capped-body'

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /**
   * The raw request body, exactly as received — not a parsed object.
   * @example await request.text()
   */
  payload: string | Uint8Array
  /**
   * The `X-Payfect-Signature` header: a Fernet token over the JSON Payfect sent.
   * @example request.headers.get('x-payfect-signature')
   */
  signature: string | null | undefined
  /**
   * The webhook secret from the Payfect dashboard: a Fernet key (base64url of 32 bytes).
   * Server side only.
   * @example process.env.PAYFECT_WEBHOOK_SECRET
   */
  secret: string
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
  /**
   * Which crypto implementation verifies: `'node'` (synchronous node:crypto) or `'subtle'` (Web Crypto).
   * @defaultValue `'node'` where `process.getBuiltinModule('node:crypto')` exists, else `'subtle'`
   */
  crypto?: FernetCryptoName
}

export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300
const CLOCK_SKEW_SECONDS = 60

/** Throws `PayfectConfigurationError` for a tolerance that is not a non-negative number. */
export function checkTolerance(toleranceSeconds: unknown): number {
  if (toleranceSeconds === undefined) return DEFAULT_WEBHOOK_TOLERANCE_SECONDS
  if (typeof toleranceSeconds === 'number' && toleranceSeconds >= 0) return toleranceSeconds
  throw configError(`\`toleranceSeconds\` must be a number >= 0 (got ${describe(toleranceSeconds)}). Omit it for ${DEFAULT_WEBHOOK_TOLERANCE_SECONDS}.`)
}

const mismatch = (why: string) =>
  new PayfectSignatureError('mismatch', `The body does not match the signature (${why}). Pass the raw request body: \`await request.text()\` (Express: \`express.raw()\`).`)

/**
 * Checks a Payfect success callback and returns its event: the
 * `X-Payfect-Signature` Fernet token must open with `secret`, be fresh, and hold
 * the same JSON as the body. Throws `PayfectSignatureError` (with a `reason`) otherwise;
 * act on nothing in a refused request.
 *
 * @example
 * const payload = await request.text()
 * const event = await verifyWebhook({ payload, signature: request.headers.get('x-payfect-signature'), secret })
 */
export async function verifyWebhook(options: VerifyWebhookOptions): Promise<WebhookEvent> {
  const { payload, signature, secret, now, crypto } = options
  const toleranceSeconds = checkTolerance(options.toleranceSeconds)

  if (typeof signature !== 'string' || signature.trim() === '') {
    throw new PayfectSignatureError('missing', "No `X-Payfect-Signature` header. Pass `request.headers.get('x-payfect-signature')`; check no proxy strips it.")
  }
  if (typeof payload !== 'string' && !(payload instanceof Uint8Array)) throw mismatch(`the payload is ${describe(payload)}, not a string or bytes`)

  let signed: Uint8Array
  try {
    signed = await decrypt(secret, signature.trim(), { ttlSeconds: toleranceSeconds, now, maxClockSkewSeconds: CLOCK_SKEW_SECONDS, crypto })
  } catch (error) {
    if (error instanceof PayfectSignatureError) {
      throw new PayfectSignatureError(error.reason, `X-Payfect-Signature refused: ${error.message}`, error)
    }
    throw error
  }

  const signedEvent = parseJson(signed)
  const body = parseJson(payload)
  if (!signedEvent || !body || !jsonEqual(signedEvent.value, body.value)) throw mismatch(body ? 'the body differs from the signed JSON' : 'the body is not UTF-8 JSON')
  return signedEvent.value as WebhookEvent
}

function parseJson(input: string | Uint8Array): { value: unknown } | undefined {
  try {
    const text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input)
    return { value: JSON.parse(text) }
  } catch {
    return undefined
  }
}

/** Options of {@link createWebhookHandler}. */
export interface WebhookHandlerOptions {
  /**
   * The webhook secret from the Payfect dashboard (base64url of 32 bytes).
   * @example process.env.PAYFECT_WEBHOOK_SECRET
   */
  secret: string
  /**
   * Called once per verified callback; fulfil the order here. Answered with 200
   * when it resolves; when it throws, with 500 so Payfect retries (make it idempotent on `event.id`).
   * @example async (event) => { await orders.markPaid(event.client_reference_id, event.id) }
   */
  onEvent: (event: WebhookEvent, request: Request) => void | Promise<void>
  /**
   * Refuse signatures older than this many seconds.
   * @defaultValue 300
   */
  toleranceSeconds?: number
  /**
   * Told about errors thrown by `onEvent` (they never reach the response).
   * @defaultValue logs with `console.error`
   */
  onError?: (error: unknown, request: Request) => void
  /**
   * Which crypto implementation verifies: `'node'` (synchronous node:crypto) or `'subtle'` (Web Crypto).
   * @defaultValue `'node'` where `process.getBuiltinModule('node:crypto')` exists, else `'subtle'`
   */
  crypto?: FernetCryptoName
}

/** Callbacks are small JSON objects; anything bigger is not from Payfect. */
export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024

/**
 * A web-standard route handler for Payfect callbacks, for Next.js route
 * handlers, Hono, Bun, Deno and Workers (and Node through `toNodeHandler`).
 *
 * @example
 * // app/api/payfect/webhook/route.ts
 * export const POST = createWebhookHandler({
 *   secret: process.env.PAYFECT_WEBHOOK_SECRET!,
 *   onEvent: async (event) => { await markOrderPaid(event.client_reference_id) },
 * })
 */
export function createWebhookHandler(options: WebhookHandlerOptions): (request: Request) => Promise<Response> {
  const { secret, onEvent } = options ?? ({} as WebhookHandlerOptions)
  // The same parse as verification, so a bad key fails at start-up instead of on every callback.
  fernetKeyBytes(secret, (message) => configError(`createWebhookHandler: ${message}`))
  if (typeof onEvent !== 'function') throw configError('createWebhookHandler needs `onEvent`: the function that fulfils a verified order.')
  const toleranceSeconds = checkTolerance(options.toleranceSeconds)
  const { crypto } = options
  cryptoProvider(crypto) // an unknown or unavailable provider fails at start-up, not per callback
  const onError = options.onError ?? ((error: unknown) => console.error('[@payfect/server] webhook onEvent failed; answered 500 so Payfect retries:', error))

  return async function handleWebhook(request: Request): Promise<Response> {
    if (request.method !== 'POST') {
      return json(405, { error: { type: 'invalid_request_error', message: `Payfect callbacks are POSTed, not ${request.method}.` } }, { Allow: 'POST' })
    }
    const payload = await readCappedBody(request, MAX_WEBHOOK_BODY_BYTES)
    if (payload === undefined) {
      return json(413, { error: { type: 'invalid_request_error', message: `The body is over ${MAX_WEBHOOK_BODY_BYTES} bytes, so not a Payfect callback.` } })
    }
    let event: WebhookEvent
    try {
      event = await verifyWebhook({ payload, signature: request.headers.get('x-payfect-signature'), secret, toleranceSeconds, crypto })
    } catch (error) {
      if (!(error instanceof PayfectSignatureError)) throw error
      return json(400, { error: { type: 'signature_error', reason: error.reason, message: error.message } })
    }
    try {
      await onEvent(event, request)
    } catch (error) {
      onError(error, request)
      return json(500, { error: { type: 'api_error', message: 'The event could not be processed; Payfect will retry.' } })
    }
    return json(200, { received: true })
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  })
}
