import type { IncomingMessage, ServerResponse } from 'node:http'
import { allow, decodeSegment } from './control'
import { sendHtml } from './http'
import { renderCheckoutPage } from './pages/checkout-page'
import { renderNotFoundPage } from './pages/not-found-page'
import { checkoutFromPaymentLink } from './resources/payment-links'
import type { Runtime } from './runtime'
import { checkoutQuote, serializeCheckout } from './serialize'
import { depositAddressFor } from './tron-address'

const CHECKOUT_PAGE = /^\/checkouts\/([^/]+)\/?$/
const PAYMENT_LINK_PAGE = /^\/payment-links\/([^/]+)\/?$/

/**
 * The shopper-facing pages: `/checkouts/{id}` (every checkout's `url`) and
 * `/payment-links/{id}` (every payment link's `url`, which opens a fresh checkout).
 * Returns false when the path is neither.
 */
export async function handleHostedPage(rt: Runtime, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const method = req.method ?? 'GET'
  const checkoutMatch = CHECKOUT_PAGE.exec(path)
  if (checkoutMatch) {
    allow(method, ['GET', 'HEAD'])
    const id = decodeSegment(checkoutMatch[1]!)
    const record = rt.store.checkout(id)
    if (!record) {
      sendHtml(res, 404, renderNotFoundPage(id), rt.settings.framing)
      return true
    }
    const html = await renderCheckoutPage({
      checkout: serializeCheckout(rt.store, record, rt.origin),
      depositAddress: depositAddressFor(record.id),
      nowMs: rt.store.now(),
      controlBase: `/_sandbox/checkouts/${encodeURIComponent(record.id)}`,
      quote: checkoutQuote(rt.store, record),
    })
    sendHtml(res, 200, html, rt.settings.framing)
    return true
  }
  const linkMatch = PAYMENT_LINK_PAGE.exec(path)
  if (linkMatch) {
    // Opening a link makes a checkout, so HEAD (a prefetch, a link checker) may not.
    allow(method, ['GET'])
    const id = decodeSegment(linkMatch[1]!)
    const link = rt.store.paymentLink(id)
    if (!link) {
      sendHtml(res, 404, renderNotFoundPage(id), rt.settings.framing)
      return true
    }
    const record = checkoutFromPaymentLink(rt, link)
    res.writeHead(303, { Location: `/checkouts/${encodeURIComponent(record.id)}`, 'Cache-Control': 'no-store' })
    res.end()
    return true
  }
  return false
}
