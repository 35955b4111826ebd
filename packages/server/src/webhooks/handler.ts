import type { Payment } from '@payfect/contract'
import { checkBaseUrl, DEFAULT_BASE_URL } from '../api/base-url'
import { checkoutCalls } from '../api/checkouts'
import { describe } from '../describe'
import { defaultEnv, isDevelopment, type PayfectEnv, setting, warnOnce } from '../environment'
import { configError, PayfectSignatureError } from '../errors'
import { paymentOf } from '../payment'
import { bodyAlreadyRead, readCappedBody } from '../read-capped-body'
import type { WebhookEvent } from '../types'
import { fernetKeyBytes, type FernetKeys, importFernetKeys } from './fernet'
import { checkTolerance, verifyCallback } from './verify'

/** Options of {@link createWebhookHandler}. Give `onPayment`, `onEvent` or both. */
export interface WebhookHandlerOptions {
  /**
   * The webhook secret from the Payfect dashboard; a list while rotating (newest first).
   * @defaultValue `PAYFECT_WEBHOOK_SECRET` (several separated by commas), read on the first callback
   */
  secret?: string | readonly string[] | undefined
  /**
   * Fulfils a paid checkout: called after the callback verified and the checkout, read back from
   * Payfect, says `complete`. Amount and currency are the checkout's; the callback's are in `reported`.
   * Idempotent on `payment.checkoutId` (Payfect retries, and a status read may fulfil first).
   * A throw answers 500, so Payfect retries.
   * @example onPayment: async (payment) => { await orders.markPaid(payment.clientReferenceId, payment) }
   */
  onPayment?: ((payment: Payment, request: Request) => void | Promise<void>) | undefined
  /**
   * Called with the verified content of the signature token (never the unverified body), before `onPayment`.
   * A throw answers 500, so Payfect retries.
   */
  onEvent?: ((event: WebhookEvent, request: Request) => void | Promise<void>) | undefined
  /**
   * The API key `onPayment` reads the checkout back with.
   * @defaultValue `PAYFECT_API_KEY`
   */
  apiKey?: string | undefined
  /**
   * The API root for that read.
   * @defaultValue `PAYFECT_API_BASE`, else `'https://api.payfect.finance/api/v1'`
   */
  baseUrl?: string | undefined
  /**
   * Where `PAYFECT_*` and `NODE_ENV` are read; pass the Worker's `env` where there is no `process.env`.
   * @defaultValue `process.env`
   */
  env?: PayfectEnv | undefined
  /**
   * The `fetch` Payfect is called with.
   * @defaultValue `globalThis.fetch`
   */
  fetch?: typeof fetch | undefined
  /**
   * Refuse signatures older than this many seconds.
   * @defaultValue 300
   */
  toleranceSeconds?: number | undefined
  /**
   * Told every failure and, in production, every refusal (in development they are logged with their fix).
   * @defaultValue logs with `console.error`
   */
  onError?: ((error: unknown, request: Request) => void) | undefined
}

/** Callbacks are small JSON objects; anything bigger is not from Payfect. */
export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024

const fixes: Record<string, string> = {
  missing: 'check no proxy strips X-Payfect-Signature.',
  malformed: 'pass the header exactly as sent.',
  bad_secret: 'set PAYFECT_WEBHOOK_SECRET to the secret from the Payfect dashboard.',
  bad_hmac: 'use the secret of this endpoint and mode (test or live); while rotating, list the old one too.',
  expired: "check this server's clock, or raise `toleranceSeconds`.",
  future: "check this server's clock.",
  mismatch: 'pass the raw body: no body parser on this route, or `express.raw()`.',
}

/**
 * A web-standard route for Payfect callbacks (Next.js, Hono, Bun, Deno, Workers; Node through
 * `toNodeHandler`). Safe to create at build time: the secret is read on the first callback.
 *
 * @example
 * // app/api/payfect/webhook/route.ts; PAYFECT_WEBHOOK_SECRET and PAYFECT_API_KEY set
 * export const POST = createWebhookHandler({
 *   onPayment: async (payment) => { await orders.markPaid(payment.clientReferenceId, payment) },
 * })
 */
export function createWebhookHandler(options: WebhookHandlerOptions): (request: Request) => Promise<Response> {
  if (typeof options !== 'object' || options === null) throw configError('createWebhookHandler needs options like { onPayment }.')
  const { onEvent, onPayment } = options
  for (const [name, value] of Object.entries({ onEvent, onPayment, onError: options.onError, fetch: options.fetch })) {
    if (value !== undefined && typeof value !== 'function') throw configError(`createWebhookHandler: \`${name}\` must be a function (got ${describe(value)}).`)
  }
  if (!onEvent && !onPayment) throw configError('createWebhookHandler needs `onPayment` (or `onEvent`): the function that fulfils a verified order.')
  const toleranceSeconds = checkTolerance(options.toleranceSeconds)
  // A secret or base given in code is wrong everywhere: refused now, not per callback.
  if (options.secret !== undefined) secretsOf(options.secret)
  if (options.baseUrl !== undefined) checkBaseUrl(options.baseUrl)
  const env = () => options.env ?? defaultEnv()
  const onError = options.onError ?? ((error: unknown) => console.error('[@payfect/server] webhook:', error))
  let keys: Promise<FernetKeys[]> | undefined
  const loadKeys = () =>
    (keys ??= Promise.all(secretsOf(options.secret ?? env().PAYFECT_WEBHOOK_SECRET).map((s) => importFernetKeys(s, configError))).catch(
      (error: unknown) => {
        keys = undefined
        throw error
      },
    ))
  if (isDevelopment(env())) loadKeys().catch((error: Error) => warnOnce(`webhook handler: ${error.message}`))
  const api = () => {
    const apiKey = setting(options.apiKey, env(), 'PAYFECT_API_KEY')
    if (!apiKey) throw configError('`onPayment` reads the checkout back from Payfect: set PAYFECT_API_KEY (or pass `apiKey`).', 'missing_api_key')
    const baseUrl = checkBaseUrl(setting(options.baseUrl, env(), 'PAYFECT_API_BASE') ?? DEFAULT_BASE_URL, 'PAYFECT_API_BASE')
    const fetchFn = options.fetch ?? globalThis.fetch
    return checkoutCalls({ apiKey, baseUrl, fetch: (input, init) => fetchFn(input, init), timeoutMs: 15_000 })
  }

  if (onPayment && isDevelopment(env())) {
    try {
      api()
    } catch (error) {
      warnOnce(`webhook handler: ${(error as Error).message}`)
    }
  }

  /** Refusals: logged with their fix in development, told to `onError` in production. */
  const refuse = (request: Request, status: number, code: string, message: string, error: unknown = new Error(message)) => {
    if (isDevelopment(env())) console.warn(`[@payfect/server] webhook refused (${status} ${code}): ${message}`)
    else report(onError, error, request)
    return json(status, { error: { type: status === 400 ? 'signature_error' : 'invalid_request_error', code, message } }, status === 405 ? { allow: 'POST' } : {})
  }

  return async function handleWebhook(request: Request): Promise<Response> {
    if (request.method !== 'POST') return refuse(request, 405, 'method_not_allowed', `Payfect callbacks are POSTed, not ${request.method}.`)
    if (bodyAlreadyRead(request)) {
      const message = 'Something read the request body before the webhook handler; give it the untouched request (call no `request.json()`/`text()` first, or pass `request.clone()`).'
      report(onError, configError(message, 'body_already_read'), request)
      return json(500, { error: { type: 'configuration_error', code: 'body_already_read', message: 'The webhook endpoint is not configured; see server logs.' } })
    }
    const payload = await readCappedBody(request, MAX_WEBHOOK_BODY_BYTES)
    if (payload === undefined) return refuse(request, 413, 'body_too_large', `The body is over ${MAX_WEBHOOK_BODY_BYTES} bytes, so not a Payfect callback.`)
    let event: WebhookEvent
    try {
      event = await verifyCallback({ payload, signature: request.headers.get('x-payfect-signature'), toleranceSeconds }, await loadKeys())
    } catch (error) {
      if (!(error instanceof PayfectSignatureError)) {
        report(onError, error, request)
        return json(500, { error: { type: 'configuration_error', code: 'misconfigured', message: 'The webhook endpoint is not configured; see server logs.' } })
      }
      const response = refuse(request, 400, `signature_${error.reason}`, `${error.message.replace(/\.$/, '')}; fix: ${fixes[error.reason] ?? 'see the README.'}`, error)
      return response
    }
    try {
      await onEvent?.(event, request)
      if (onPayment) {
        if (typeof event.id !== 'string') throw new TypeError('The verified callback has no checkout `id`.')
        const checkout = await api().retrieve(event.id, request.signal)
        if (checkout.status !== 'complete') throw new Error(`Checkout ${event.id} called back as paid, but Payfect reads it as ${checkout.status}; answered 500 so Payfect retries.`)
        await onPayment(paymentOf(checkout, event), request)
      }
    } catch (error) {
      report(onError, error, request)
      return json(500, { error: { type: 'api_error', code: 'fulfilment_failed', message: 'The callback could not be processed; Payfect will retry.' } })
    }
    return json(200, { received: true })
  }
}

/** The secrets of an option or variable: a list, or one string with commas between several. */
function secretsOf(value: unknown): string[] {
  const list = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? (value as unknown[]) : [value]
  const secrets = list.map((secret) => (typeof secret === 'string' ? secret.trim() : secret)).filter((secret) => secret !== '')
  if (secrets.length === 0) secrets.push(undefined)
  for (const secret of secrets) fernetKeyBytes(secret, (message) => configError(`createWebhookHandler: ${message.replace('missing', 'missing (set PAYFECT_WEBHOOK_SECRET)')}`, 'bad_webhook_secret'))
  return secrets as string[]
}

function report(onError: (error: unknown, request: Request) => void, error: unknown, request: Request): void {
  try {
    onError(error, request)
  } catch {
    // A failing logger must not turn an answer into a crash.
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  })
}
