import { isLoopbackHostname } from '@payfect/contract'
import { defaultEnv, isDevelopment, warnOnce } from '../environment'
import { describe } from '../describe'
import { configError, PayfectConfigurationError, PayfectConnectionError, PayfectError, PayfectNotFoundError, PayfectRateLimitError } from '../errors'
import { paymentOf } from '../payment'
import type { Checkout, CheckoutCreateParams, InvoiceItemParams } from '../types'
import { readJsonBody } from './body'
import { catalogInvoiceItems } from './catalog-invoice-items'
import { checkoutCurrency } from './checkout-currency'
import { isPayfectId } from './checkout-id'
import type { ValidatedCheckoutBody } from './checkout-request-body'
import { type RuntimeConfig, runtimeConfig, type StaticConfig, staticConfig } from './config'
import type { CheckoutHandlerOptions } from './options'
import { checkOrigin, corsHeaders, preflightHeaders } from './origin'
import { parseCheckoutBody } from './parse-body'
import { merchantRefusal, refusal, RouteError } from './refusal'
import { errorResponse, jsonResponse } from './respond'
import { statusReads } from './status-reads'
import { toCheckoutSummary } from './summary'

/** A web-standard route handler: Next.js App Router, Hono, Bun, Deno, Workers; Node through `toNodeHandler`. */
export type CheckoutHandler = (request: Request) => Promise<Response>

/** A reused checkout must have at least this long left, or the shopper gets a fresh one. */
const REUSE_MARGIN_MS = 120_000

/**
 * Creates the route behind the React kit: `POST` creates a checkout from catalog keys (prices
 * never come from the browser), `GET ?id=` reads one. Safe to create at build time with no
 * secrets: keys and origins are read on the first request (and, in development, at once).
 *
 * @example
 * // app/api/payfect/checkouts/route.ts (Next.js); PAYFECT_API_KEY and PAYFECT_PUBLIC_ORIGIN set
 * const handler = createCheckoutHandler({
 *   catalog: { 'pro-plan': { name: 'Pro plan', unitAmount: '20.00', currency: 'usdt' } },
 *   successUrl: '/checkout/success',
 *   cancelUrl: '/cart',
 * })
 * export { handler as GET, handler as POST }
 */
export function createCheckoutHandler(options: CheckoutHandlerOptions): CheckoutHandler {
  const config = staticConfig(options)
  const read = statusReads()
  const fulfilled = new Set<string>()
  let runtime: RuntimeConfig | undefined
  if (isDevelopment(options.env ?? defaultEnv())) {
    try {
      runtime = runtimeConfig(config)
    } catch (error) {
      warnOnce(`checkout handler: ${(error as Error).message} Requests answer 500 until it is fixed.`)
    }
  }

  return async function checkoutHandler(request: Request): Promise<Response> {
    let cors: Record<string, string> = {}
    try {
      runtime ??= runtimeConfig(config)
      const route = { config, runtime, request }
      if (request.method === 'POST') {
        const publicOrigin = resolvePublicOrigin(request, runtime)
        const origin = checkOrigin(request, publicOrigin, config.allowedOrigins)
        cors = corsHeaders(origin.corsOrigin)
        if (!origin.allowed) throw refusal('cross_origin', `Pages on ${describe(request.headers.get('origin'))} may not create checkouts here; add the origin to \`allowedOrigins\` if they should.`, undefined, 403)
        return jsonResponse(200, await create(route, publicOrigin), cors)
      }
      const origin = checkOrigin(request, runtime.publicOrigin ?? '', config.allowedOrigins)
      cors = corsHeaders(origin.corsOrigin)
      if (request.method === 'GET') return jsonResponse(200, await retrieve(route, read, fulfilled), cors)
      if (request.method === 'OPTIONS' && origin.corsOrigin) {
        return new Response(null, { status: 204, headers: { ...preflightHeaders(origin.corsOrigin), 'cache-control': 'no-store' } })
      }
      throw new RouteError(405, 'invalid_request_error', 'method_not_allowed', `${request.method} is not supported here: POST to create a checkout, GET ?id=<checkout id> to read one.`)
    } catch (error) {
      const answer = toRouteError(error)
      if (answer.status >= 500) report(config, answer.cause ?? error, request)
      else if (isDevelopment(runtime?.env ?? options.env ?? defaultEnv())) warnOnce(`checkout route refused ${request.method} (${answer.status} ${answer.code}): ${answer.message}`)
      const headers = answer.status === 405 ? { ...cors, allow: 'GET, POST' } : cors
      return errorResponse(answer.status, answer.status >= 500 && answer.type === 'configuration_error' ? { ...answer, message: 'The checkout endpoint is not configured; see server logs.' } : answer, headers)
    }
  }
}

interface Route {
  config: StaticConfig
  runtime: RuntimeConfig
  request: Request
}

/** `publicOrigin`, or in development (or against the sandbox) a loopback request origin, with a warning. Never `Host` otherwise. */
function resolvePublicOrigin(request: Request, runtime: RuntimeConfig): string {
  if (runtime.publicOrigin) return runtime.publicOrigin
  const own = new URL(request.url)
  if (runtime.lenient && isLoopbackHostname(own.hostname)) {
    warnOnce(`PAYFECT_PUBLIC_ORIGIN is unset, so ${own.origin} (this loopback request's origin) stands in; set it before going live.`)
    return own.origin
  }
  throw configError('PAYFECT_PUBLIC_ORIGIN is unset: set it (or `publicOrigin`) to the shop\'s origin, like "https://shop.example"; relative URLs and the Origin check need it.', 'missing_public_origin')
}

async function create({ config, runtime, request }: Route, publicOrigin: string) {
  const { options } = config
  const { body, positions } = parseCheckoutBody(await readJsonBody(request))
  const items = options.resolveItems
    ? await merchant(() => options.resolveItems!(body.items, request))
    : catalogInvoiceItems(body.items, positions, config.catalog, config.allowPriceIds)
  if (!Array.isArray(items) || items.length === 0 || !items.every((item: InvoiceItemParams) => typeof item === 'object' && item !== null)) {
    throw new RouteError(500, 'api_error', 'callback_failed', 'The checkout endpoint failed; see server logs.', undefined, new TypeError('`resolveItems` must return a non-empty array of invoice items.'))
  }
  const params: CheckoutCreateParams = { currency: checkoutCurrency(items, config.currency), invoice_items: items }
  const clientReferenceId = options.clientReferenceId ? await merchant(() => options.clientReferenceId!(request, body)) : body.clientReferenceId
  if (clientReferenceId !== undefined) {
    if (typeof clientReferenceId !== 'string' || clientReferenceId === '') throw misconfigured('`clientReferenceId` must return a non-empty string or undefined.')
    params.client_reference_id = clientReferenceId
    const open = options.findOpenCheckout && (await findOpen({ config, runtime, request }, clientReferenceId))
    if (open) return toCheckoutSummary(open, runtime.hostedOrigins)
  }
  // URL functions see the order id that will be sent, so a success page can name it.
  const sent: ValidatedCheckoutBody = { items: body.items }
  if (clientReferenceId !== undefined) sent.clientReferenceId = clientReferenceId
  for (const { option, field, value } of config.urls) {
    if (value === undefined) continue
    const url = typeof value === 'function' ? await merchant(() => value(request, sent)) : value
    params[field] = absoluteUrl(option, url, publicOrigin)
  }
  return toCheckoutSummary(await upstream(() => runtime.api.create(params, request.signal)), runtime.hostedOrigins)
}

/** The order's open checkout from the merchant's store, when Payfect agrees it is still open, for this order, and not about to expire. */
async function findOpen({ config, runtime, request }: Route, clientReferenceId: string): Promise<Checkout | undefined> {
  const id = await merchant(() => config.options.findOpenCheckout!(clientReferenceId, request))
  if (id === undefined || id === null) return undefined
  if (!isPayfectId(id)) throw misconfigured(`\`findOpenCheckout\` returned ${describe(id)}, not a checkout id (or null).`)
  const checkout = await upstream(() => runtime.api.retrieve(id, request.signal))
  const left = Date.parse(toCheckoutSummary(checkout, runtime.hostedOrigins).expiresAt ?? '') - Date.now()
  const usable = checkout.status === 'open' && checkout.clientReferenceId === clientReferenceId && !(left < REUSE_MARGIN_MS)
  return usable ? checkout : undefined
}

async function retrieve({ config, runtime, request }: Route, read: ReturnType<typeof statusReads>, fulfilled: Set<string>) {
  const ids = new URL(request.url).searchParams.getAll('id')
  const id = ids[0]
  if (ids.length !== 1 || !isPayfectId(id)) {
    throw refusal('invalid_id', 'Pass one checkout id as `?id=<checkout id>`: 1 to 100 characters of A-Z a-z 0-9 _ -.', {
      id: [ids.length === 0 ? 'is required.' : ids.length > 1 ? 'must be given once.' : 'is not a checkout id.'],
    })
  }
  // Shared between pollers, so no one request's signal may cancel it; the call's own timeout bounds it.
  const checkout = await upstream(() => read(id, () => runtime.api.retrieve(id)))
  const summary = toCheckoutSummary(checkout, runtime.hostedOrigins)
  const { onPayment } = config.options
  if (checkout.status === 'complete' && onPayment && !fulfilled.has(checkout.id)) {
    try {
      await onPayment(paymentOf(checkout), request)
      if (fulfilled.size >= 10_000) fulfilled.clear()
      fulfilled.add(checkout.id)
    } catch (error) {
      // The shopper still learns the truth; the webhook (or the next poll) fulfils again.
      report(config, error, request)
    }
  }
  return summary
}

function absoluteUrl(option: string, value: unknown, publicOrigin: string): string {
  const url = typeof value === 'string' && value.trim() && URL.canParse(value, publicOrigin) ? new URL(value, publicOrigin) : undefined
  if (url && /^https?:$/.test(url.protocol)) return url.href
  throw misconfigured(`\`${option}\` gave ${describe(value)}, not an http(s) URL or a path.`)
}

const misconfigured = (message: string) => new RouteError(500, 'configuration_error', 'misconfigured', message)

// A merchant callback's refusals pass through; anything else it throws is a server-side failure.
async function merchant<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw merchantRefusal(error) ?? new RouteError(500, 'api_error', 'callback_failed', 'The checkout endpoint failed; see server logs.', undefined, error)
  }
}

async function upstream<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof RouteError) throw error
    const answer = (status: number, type: RouteError['type'], code: string, message: string) => new RouteError(status, type, code, message, undefined, error)
    if (error instanceof PayfectConnectionError) {
      throw error.timedOut
        ? answer(504, 'connection_error', 'upstream_timeout', 'The payment provider did not answer in time; try again in a moment.')
        : answer(502, 'connection_error', 'upstream_unreachable', 'The payment provider could not be reached; try again in a moment.')
    }
    if (error instanceof PayfectNotFoundError) throw answer(404, 'not_found_error', 'checkout_not_found', 'No checkout has this id; create a new checkout.')
    if (error instanceof PayfectRateLimitError) throw answer(503, 'rate_limit_error', 'upstream_busy', 'The payment provider is busy; try again in a moment.')
    if (error instanceof PayfectError && !(error instanceof PayfectConfigurationError)) throw answer(502, 'api_error', 'upstream_rejected', 'The payment provider rejected the request; see server logs.')
    throw error
  }
}

function toRouteError(error: unknown): RouteError & { cause?: unknown } {
  if (error instanceof RouteError) return error
  if (error instanceof PayfectConfigurationError) return new RouteError(500, 'configuration_error', error.code ?? 'misconfigured', error.message, undefined, error)
  return new RouteError(500, 'api_error', 'internal_error', 'The checkout endpoint failed; see server logs.', undefined, error)
}

function report(config: StaticConfig, error: unknown, request: Request): void {
  // A failing logger must not turn a clean 5xx into a crash or an unhandled rejection.
  try {
    const result: unknown = config.onError(error, request)
    if (result instanceof Promise) result.catch(() => {})
  } catch {
    // Ignored for the same reason.
  }
}
