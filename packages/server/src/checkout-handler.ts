import type { CheckoutCreateParams, InvoiceItemParams } from './types'
import { catalogInvoiceItems } from './handler/catalog-invoice-items'
import type { CheckoutHandlerOptions } from './handler/checkout-handler-options'
import { isPayfectId } from './handler/checkout-id'
import { checkoutCurrency } from './handler/checkout-currency'
import type { ValidatedCheckoutBody } from './handler/checkout-request-body'
import { toCheckoutSummary } from './handler/checkout-summary'
import { type HandlerConfig, resolveHandlerConfig } from './handler/handler-config'
import { errorResponse, jsonResponse } from './handler/json-response'
import { checkOrigin, corsHeaders, preflightHeaders } from './handler/origin-guard'
import { parseCheckoutBody } from './handler/parse-checkout-body'
import { readJsonBody } from './handler/read-json-body'
import { isRefusal, refusal, refusalStatus } from './handler/refusal'
import { failureAnswer, UpstreamFailure } from './handler/upstream-failure'
import { resolveUrlOption } from './handler/url-option'
import { markFastPath, standardRequest } from './request-fast-path'

/** A web-standard route handler: Next.js App Router, Hono, Bun, Deno, Workers; Node through `toNodeHandler`. */
export type CheckoutHandler = (request: Request) => Promise<Response>

const ALLOW = { allow: 'GET, POST' }

/**
 * Creates the route handler behind the React components: `POST` creates a checkout
 * from catalog keys (prices are never taken from the browser), `GET ?id=` reads a
 * checkout's status for polling. Options are checked here, so a typo in the catalog
 * or a missing API key fails at startup with a `PayfectConfigurationError`.
 *
 * @example
 * // app/api/payfect/checkouts/route.ts (Next.js)
 * const handler = createCheckoutHandler({
 *   apiKey: process.env.PAYFECT_API_KEY,
 *   catalog: { 'pro-plan': { name: 'Pro plan', unitAmount: '20.00', currency: 'usdt' } },
 *   successUrl: '/checkout/success',
 *   cancelUrl: '/cart',
 *   callbackUrl: 'https://shop.example/api/payfect/webhook',
 * })
 * export { handler as GET, handler as POST }
 * @example
 * // Express
 * app.all('/api/payfect/checkouts', toNodeHandler(handler))
 */
export function createCheckoutHandler(options: CheckoutHandlerOptions): CheckoutHandler {
  const config = resolveHandlerConfig(options)

  return markFastPath(async function checkoutHandler(request: Request): Promise<Response> {
    const origin = checkOrigin(request, config.allowedOrigins)
    const cors = corsHeaders(origin.corsOrigin)
    try {
      switch (request.method) {
        case 'POST':
          if (!origin.allowed) {
            throw refusal(403, 'This site may not create checkouts here: the request comes from another origin. Add it to the handler’s `allowedOrigins` if it should.')
          }
          return jsonResponse(200, await createCheckout(request, config), cors, request)
        case 'GET':
          return jsonResponse(200, await retrieveCheckout(request, config), cors, request)
        case 'OPTIONS':
          if (origin.corsOrigin) return new Response(null, { status: 204, headers: { ...preflightHeaders(origin.corsOrigin), 'cache-control': 'no-store' } })
      }
      return errorResponse(405, { type: 'invalid_request_error', message: `${request.method} is not supported here: POST to create a checkout, GET ?id=<checkout id> to read one.` }, { ...ALLOW, ...cors }, request)
    } catch (error) {
      if (isRefusal(error)) return errorResponse(refusalStatus(error), error.toJSON(), cors, request)
      const failure = error instanceof UpstreamFailure ? error : undefined
      const answer = failureAnswer(failure ? failure.cause : error, failure ? failure.operation : 'internal')
      if (answer.status >= 500) report(config, failure ? failure.cause : error, standardRequest(request))
      return errorResponse(answer.status, answer, cors, request)
    }
  })
}

async function createCheckout(request: Request, config: HandlerConfig) {
  const { body, positions } = parseCheckoutBody(await readJsonBody(request))
  const items = config.resolveItems
    ? await callback(() => config.resolveItems!(body.items, standardRequest(request)))
    : catalogInvoiceItems(body.items, positions, config.catalog, config.allowPriceIds)
  checkResolvedItems(items)

  const params: CheckoutCreateParams = { currency: checkoutCurrency(items, config.currency), invoice_items: items }
  const clientReferenceId = config.clientReferenceId
    ? await callback(() => config.clientReferenceId!(standardRequest(request), body))
    : body.clientReferenceId
  if (clientReferenceId !== undefined) params.client_reference_id = clientReferenceId
  // URL functions see the order id that will be sent, so a success page can name it.
  const sent: ValidatedCheckoutBody = { items: body.items }
  if (clientReferenceId !== undefined) sent.clientReferenceId = clientReferenceId
  for (const { option, field, value } of config.urls) {
    // A URL function is merchant code: it gets the standard Request. A string option is not awaited.
    const resolved = resolveUrlOption(option, value, typeof value === 'function' ? standardRequest(request) : request, sent)
    const url = typeof resolved === 'object' ? await resolved : resolved
    if (url !== undefined) params[field] = url
  }
  try {
    return toCheckoutSummary(await config.payfect.checkouts.create(params))
  } catch (error) {
    throw new UpstreamFailure('create', error)
  }
}

async function retrieveCheckout(request: Request, config: HandlerConfig) {
  const ids = new URL(request.url).searchParams.getAll('id')
  const id = ids[0]
  if (ids.length !== 1 || !isPayfectId(id)) {
    throw refusal(400, 'Pass one checkout id as `?id=<checkout id>`: 1 to 100 characters of A-Z a-z 0-9 _ -.', {
      id: [ids.length === 0 ? 'is required.' : ids.length > 1 ? 'must be given once.' : 'is not a checkout id.'],
    })
  }
  try {
    return toCheckoutSummary(await config.payfect.checkouts.retrieve(id))
  } catch (error) {
    throw new UpstreamFailure('retrieve', error)
  }
}

// A merchant callback's refusals pass through; anything else it throws is a server-side failure.
async function callback<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw isRefusal(error) ? error : new UpstreamFailure('callback', error)
  }
}

function checkResolvedItems(items: unknown): asserts items is InvoiceItemParams[] {
  if (!Array.isArray(items) || items.length === 0 || !items.every((item) => typeof item === 'object' && item !== null)) {
    throw new UpstreamFailure('callback', new TypeError('createCheckoutHandler: `resolveItems` must return a non-empty array of invoice items.'))
  }
}

function report(config: HandlerConfig, error: unknown, request: Request): void {
  // A failing logger must not turn a clean 5xx into a crash or an unhandled rejection.
  try {
    const result: unknown = config.onError(error, request)
    if (result instanceof Promise) result.catch(() => {})
  } catch {
    // Ignored for the same reason.
  }
}

export type { CheckoutHandlerOptions } from './handler/checkout-handler-options'
