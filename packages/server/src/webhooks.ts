import { decodeBase64Url } from './base64url'
import { jsonEqual } from './deep-equal'
import { PayfectConfigurationError, PayfectSignatureError } from './errors'
import { type FernetCryptoName, cryptoProvider } from './crypto-provider'
import { fernet } from './fernet'
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

const RAW_BODY_HINT =
  'Are you passing the raw request body? Read it with `await request.text()` (or `express.raw()` in Express) before parsing, and pass that string or buffer unchanged.'

/** Throws `PayfectConfigurationError` for a tolerance that is not a non-negative number. */
export function checkTolerance(toleranceSeconds: unknown): number {
  if (toleranceSeconds === undefined) return DEFAULT_WEBHOOK_TOLERANCE_SECONDS
  if (typeof toleranceSeconds !== 'number' || !(toleranceSeconds >= 0)) {
    throw new PayfectConfigurationError({
      message: `\`toleranceSeconds\` must be a non-negative number of seconds; got ${String(toleranceSeconds)}. Omit it for the default of ${DEFAULT_WEBHOOK_TOLERANCE_SECONDS}.`,
    })
  }
  return toleranceSeconds
}

const mismatch = (why: string) => new PayfectSignatureError('mismatch', `The webhook body does not match its signature: ${why}. ${RAW_BODY_HINT}`)

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
    throw new PayfectSignatureError(
      'missing',
      'The request has no `X-Payfect-Signature` header, so it cannot be from Payfect. If it is, check that no proxy strips the header, and pass `request.headers.get(\'x-payfect-signature\')`.',
    )
  }
  if (typeof payload !== 'string' && !(payload instanceof Uint8Array)) {
    throw mismatch(`the payload is ${payload === null ? 'null' : typeof payload}, not the body's string or bytes`)
  }

  let signed: Uint8Array
  try {
    signed = await fernet.decrypt(secret, signature.trim(), { ttlSeconds: toleranceSeconds, now, maxClockSkewSeconds: CLOCK_SKEW_SECONDS, crypto })
  } catch (error) {
    if (error instanceof PayfectSignatureError) {
      throw new PayfectSignatureError(error.reason, `Webhook refused (X-Payfect-Signature): ${error.message}`, error)
    }
    throw error
  }

  const signedEvent = parseJson(signed)
  if (signedEvent === undefined) throw mismatch('the signed content is not JSON')
  const body = parseJson(payload)
  if (body === undefined) throw mismatch('the body is not the JSON Payfect signed (it is empty, not UTF-8 or not JSON)')
  if (!jsonEqual(signedEvent.value, body.value)) throw mismatch('the body’s JSON differs from the signed JSON')
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
  checkSecret(secret)
  if (typeof onEvent !== 'function') {
    throw new PayfectConfigurationError({ message: 'createWebhookHandler needs `onEvent`, the function that fulfils an order once its callback is verified.' })
  }
  const toleranceSeconds = checkTolerance(options.toleranceSeconds)
  const { crypto } = options
  cryptoProvider(crypto) // an unknown or unavailable provider fails at start-up, not per callback
  const onError = options.onError ?? ((error: unknown) => console.error('[@payfect/server] webhook onEvent failed; answered 500 so Payfect retries:', error))

  return async function handleWebhook(request: Request): Promise<Response> {
    if (request.method !== 'POST') {
      return json(405, { error: { type: 'invalid_request_error', message: `Payfect callbacks are POSTed; ${request.method} is not allowed here.` } }, { Allow: 'POST' })
    }
    const payload = await readCappedBody(request, MAX_WEBHOOK_BODY_BYTES)
    if (payload === undefined) {
      return json(413, { error: { type: 'invalid_request_error', message: `The body is larger than ${MAX_WEBHOOK_BODY_BYTES} bytes; Payfect callbacks are much smaller.` } })
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
      return json(500, { error: { type: 'api_error', message: 'The webhook handler failed to process the event; Payfect will retry it.' } })
    }
    return json(200, { received: true })
  }
}

function checkSecret(secret: unknown): void {
  // Same parse as verification, so a bad key fails at start-up instead of on every callback.
  if (typeof secret === 'string' && decodeBase64Url(secret.trim(), 'optional')?.length === 32) return
  throw new PayfectConfigurationError({
    message: `createWebhookHandler: \`secret\` is ${typeof secret === 'string' && secret !== '' ? 'not a valid Fernet key' : 'missing'}. It must be the webhook secret from the Payfect dashboard: the base64url encoding of 32 bytes (44 characters ending in \`=\`). Check the environment variable (e.g. PAYFECT_WEBHOOK_SECRET).`,
  })
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  })
}
