import type { IncomingMessage, ServerResponse } from 'node:http'
import { parseCallbackMode } from './callback-mode'
import { CALLBACK_AMOUNTS, isCallbackAmount, type CallbackAmount } from './callback-amount'
import { FRAMINGS, isFraming, type Framing } from './framing'
import { HttpError, notFound, sendHtml, sendJson } from './http'
import { cancelCheckout, deliverHeldCallback, expireCheckout, payCheckout, replayDelivery, resendCallback } from './lifecycle'
import { renderDashboard } from './pages/dashboard-page'
import type { Runtime } from './runtime'
import { checkoutQuote, serializeCheckout, serializePaymentLink, serializePrice, serializeProduct } from './serialize'
import type { CheckoutRecord, SandboxState } from './types'

/**
 * The sandbox-only endpoints, like the Stripe CLI's triggers: the hosted page's
 * buttons, the dashboard and tests drive checkouts through them. They need no
 * API key (the sandbox listens on loopback), but a browser may only call the
 * POSTs from the sandbox's own pages: another site's page cannot pay a checkout.
 */

const ACTIONS = {
  pay: (rt, id, query) => payCheckout(rt, id, parseCallbackMode(query)),
  expire: (rt, id) => expireCheckout(rt, id),
  cancel: (rt, id) => cancelCheckout(rt, id),
  resend: (rt, id, query) => resendCallback(rt, id, parseCallbackMode(query)),
} as const satisfies Record<string, (rt: Runtime, id: string, query: URLSearchParams) => CheckoutRecord>

const CHECKOUT = /^\/_sandbox\/checkouts\/([^/]+)(?:\/(pay|expire|cancel|resend|deliver))?\/?$/
const REPLAY = /^\/_sandbox\/deliveries\/([^/]+)\/replay\/?$/

/** Answers a `/_sandbox…` request; false when the path is not one of them. */
export async function handleControl(rt: Runtime, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const method = req.method ?? 'GET'
  const query = new URL(req.url ?? '/', 'http://sandbox.invalid').searchParams
  if (path === '/_sandbox/settings' || path === '/_sandbox/settings/') {
    allow(method, ['GET', 'HEAD', 'POST'])
    if (method === 'POST') {
      checkOrigin(req)
      const framing = query.get('framing')
      const amount = query.get('callbackAmount')
      if (framing === null && amount === null) throw new HttpError(400, { detail: 'Give ?framing=allow|deny|self or ?callbackAmount=fiat|usdt.' })
      if (framing !== null && !isFraming(framing)) throw new HttpError(400, { detail: `framing must be one of ${FRAMINGS.join(', ')}; got "${framing.slice(0, 40)}".` })
      if (amount !== null && !isCallbackAmount(amount)) throw new HttpError(400, { detail: `callbackAmount must be one of ${CALLBACK_AMOUNTS.join(', ')}; got "${amount.slice(0, 40)}".` })
      if (framing !== null) rt.settings.framing = framing as Framing
      if (amount !== null) rt.settings.callbackAmount = amount as CallbackAmount
    }
    sendJson(res, 200, { settings: { ...rt.settings } })
    return true
  }
  const replay = REPLAY.exec(path)
  if (replay) {
    allow(method, ['POST'])
    checkOrigin(req)
    const delivery = await replayDelivery(rt, decodeSegment(replay[1]!))
    sendJson(res, 200, { delivery })
    return true
  }
  if (path === '/_sandbox' || path === '/_sandbox/') {
    allow(method, ['GET', 'HEAD'])
    sendHtml(
      res,
      200,
      renderDashboard({
        apiBase: `${rt.origin}/api/v1`,
        nowMs: rt.store.now(),
        checkouts: checkoutsWithDeliveries(rt),
        pending: rt.callbacks.pendingCallbacks(),
        framing: rt.settings.framing,
        callbackAmount: rt.settings.callbackAmount,
        rates: rt.rates,
      }),
    )
    return true
  }
  if (path === '/_sandbox/state' || path === '/_sandbox/state/') {
    allow(method, ['GET', 'HEAD'])
    sendJson(res, 200, sandboxState(rt))
    return true
  }
  const match = CHECKOUT.exec(path)
  if (!match) return false
  const id = decodeSegment(match[1]!)
  const action = match[2] as keyof typeof ACTIONS | 'deliver' | undefined
  if (!action) {
    allow(method, ['GET', 'HEAD'])
    const record = rt.store.checkout(id)
    if (!record) throw notFound()
    sendJson(res, 200, { checkout: serializeCheckout(rt.store, record, rt.origin) })
    return true
  }
  allow(method, ['POST'])
  checkOrigin(req)
  if (action === 'deliver') {
    const { record, delivery } = await deliverHeldCallback(rt, id)
    sendJson(res, 200, { checkout: serializeCheckout(rt.store, record, rt.origin), delivery })
    return true
  }
  const record = ACTIONS[action](rt, id, query)
  sendJson(res, 200, { checkout: serializeCheckout(rt.store, record, rt.origin) })
  return true
}

/** Everything in the store, without keys or secrets. */
export function sandboxState(rt: Runtime): SandboxState {
  const { store, origin } = rt
  return {
    merchants: store.merchants.map((m) => ({ id: m.id, name: m.name })),
    checkouts: store.allCheckouts().map((record) => ({
      checkout: serializeCheckout(store, record, origin),
      deliveries: [...store.deliveriesOf(record.id)],
      cancelledAt: record.cancelledAt,
      requestedCurrency: record.requestedCurrency,
      quote: checkoutQuote(store, record),
    })),
    pendingCallbacks: rt.callbacks.pendingCallbacks(),
    settings: { ...rt.settings },
    rates: { ...rt.rates },
    products: [...store.products.values()].map(serializeProduct),
    prices: [...store.prices.values()].map((price) => serializePrice(store, price)),
    paymentLinks: [...store.paymentLinks.values()].map((link) => serializePaymentLink(store, link, origin)),
  }
}

function checkoutsWithDeliveries(rt: Runtime) {
  return rt.store.allCheckouts().map((record) => ({
    checkout: serializeCheckout(rt.store, record, rt.origin),
    deliveries: [...rt.store.deliveriesOf(record.id)],
    quote: checkoutQuote(rt.store, record),
    requestedCurrency: record.requestedCurrency,
  }))
}

export function allow(method: string, methods: readonly string[]): void {
  if (!methods.includes(method)) {
    throw new HttpError(405, { detail: `Method "${method.slice(0, 20)}" not allowed.` }, { Allow: methods.join(', ') })
  }
}

/** Browsers send `Origin` on POSTs; a page of another origin may not drive the sandbox. */
function checkOrigin(req: IncomingMessage): void {
  const origin = req.headers.origin
  if (origin === undefined || origin === `http://${req.headers.host}` || origin === `https://${req.headers.host}`) return
  throw new HttpError(403, {
    detail: `Sandbox controls only answer the sandbox's own pages, not a page from ${origin.slice(0, 200)}. Call them from a server or a test instead.`,
  })
}

export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
