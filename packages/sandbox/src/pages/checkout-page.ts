import type { CheckoutView } from '../api-types'
import { qrSvg } from '../qr'
import { checkoutScript } from './checkout-script'
import { checkoutStyles } from './checkout-styles'
import { chunk, currencyCode, formatAmount, formatCountdown, networkName, timeMs } from './format'
import { html, jsonForScript, raw, type SafeHtml } from './html'
import { icons } from './icons'
import { htmlDocument, poweredBy, sandboxRibbon } from './layout'

/** What the hosted checkout page needs to render one checkout. */
export interface CheckoutPageView {
  /** The checkout as the API returns it (camelCase). */
  checkout: CheckoutView
  /** The Tron address the shopper is asked to pay, from `depositAddressFor(checkout.id)`. */
  depositAddress: string
  /** The server's clock when rendering, in Unix ms; the page counts down from it, immune to a skewed client clock. */
  nowMs: number
  /** Where the page's buttons send their requests: `'/_sandbox/checkouts/<id>'`. */
  controlBase: string
}

/** The states the page can show; `cancelled` exists only on the page (the API has no such status). */
export type CheckoutPageStatus = CheckoutView['status'] | 'cancelled'

/**
 * Renders the sandbox's hosted checkout page: merchant, items, total, the deposit
 * address with its QR code, a countdown to expiry and the sandbox controls, as one
 * self-contained HTML document.
 *
 * @example
 * const page = await renderCheckoutPage({ checkout, depositAddress: depositAddressFor(checkout.id), nowMs: Date.now(), controlBase: `/_sandbox/checkouts/${checkout.id}` })
 */
export async function renderCheckoutPage(view: CheckoutPageView): Promise<string> {
  const { checkout, depositAddress, nowMs, controlBase } = view
  const status: CheckoutPageStatus = checkout.status
  const expiresMs = timeMs(checkout.expiresAt)
  const createdMs = timeMs(checkout.createdAt)
  const merchant = checkout.merchant?.name?.trim() || 'Merchant'
  const code = currencyCode(checkout.currency)
  const total = formatAmount(checkout.amountTotal)
  const network = networkName(checkout)
  const qr = await qrSvg(depositAddress, { label: `QR code of the deposit address ${depositAddress}`, className: 'pf-qr__code' })

  const data = {
    id: checkout.id,
    status,
    merchant,
    controlBase,
    nowMs,
    expiresMs: expiresMs ?? null,
    createdMs: createdMs ?? null,
    successUrl: checkout.successUrl || null,
    cancelUrl: checkout.cancelUrl || null,
  }

  const body = html`${sandboxRibbon()}
<main class="pf-checkout" id="pf-checkout" data-payfect-checkout data-status="${status}">
  ${summary(checkout, merchant, code, total)}
  <section class="pf-pay" aria-labelledby="pf-pay-title">
    <div class="pf-panel" data-panel="open"${status === 'open' ? '' : raw(' hidden')}>
      <div class="pf-pay__head">
        <h2 id="pf-pay-title" class="pf-pay__title">Pay with ${code}</h2>
        <span class="pf-chip">${icons.tether(16)}<span>${code} · ${network}</span></span>
      </div>
      ${countdown(expiresMs, createdMs, nowMs)}
      <figure class="pf-qr">
        <div class="pf-qr__tile">${raw(qr)}</div>
        <figcaption class="pf-qr__caption">Scan with a wallet on ${network}</figcaption>
      </figure>
      <div class="pf-field" role="group" aria-labelledby="pf-address-label">
        <p class="pf-field__label" id="pf-address-label">Deposit address <span class="pf-field__hint">${network}</span></p>
        <div class="pf-field__box">
          <code class="pf-address" id="pf-address">${chunk(depositAddress).map((part) => html`<span>${part}</span>`)}</code>
          ${copyButton('address', 'Copy address', depositAddress)}
        </div>
      </div>
      <div class="pf-field" role="group" aria-labelledby="pf-amount-label">
        <p class="pf-field__label" id="pf-amount-label">Amount to send <span class="pf-field__hint">exactly</span></p>
        <div class="pf-field__box">
          <p class="pf-amount" id="pf-amount"><span class="pf-amount__value">${checkout.amountTotal}</span> <span class="pf-amount__code">${code}</span></p>
          ${copyButton('amount', 'Copy amount', checkout.amountTotal)}
        </div>
      </div>
      <p class="pf-note">${icons.alert()}<span>Send only <strong>${code}</strong> on the <strong>${network}</strong> network. Other tokens or networks cannot be recovered.</span></p>
    </div>
    ${statePanel('complete', status, icons.check(28), 'Payment received', html`<strong>${checkout.amountTotal} ${code}</strong> paid to ${merchant}.`, 'You can close this window.')}
    ${statePanel('expired', status, icons.hourglass(28), 'This checkout has expired', html`No payment arrived in time. Go back to ${merchant} to start a new checkout.`, 'You can close this window.')}
    ${statePanel('cancelled', status, icons.x(28), 'Checkout cancelled', html`No payment was taken. Go back to ${merchant} whenever you are ready.`, 'You can close this window.')}
  </section>
  <section class="pf-sandbox" id="pf-sandbox" aria-labelledby="pf-sandbox-title"${status === 'open' ? '' : raw(' hidden')}>
    <div class="pf-sandbox__head">${icons.flask()}<h2 id="pf-sandbox-title">Sandbox controls</h2></div>
    <p class="pf-sandbox__text">Nothing is sent on chain. Simulate the shopper's payment, or leave as they would.</p>
    <div class="pf-sandbox__actions">
      <button type="button" class="pf-btn pf-btn--primary" id="pf-pay-button" data-action="pay"><span class="pf-spinner" aria-hidden="true"></span><span data-label>Simulate payment</span></button>
      <button type="button" class="pf-btn pf-btn--secondary" id="pf-cancel-button" data-action="cancel"><span class="pf-spinner" aria-hidden="true"></span><span data-label>Cancel</span></button>
    </div>
    <p class="pf-error" id="pf-error" role="alert" hidden></p>
  </section>
</main>
${poweredBy()}
<div class="pf-sr-only" id="pf-live" aria-live="polite" aria-atomic="true"></div>`

  return htmlDocument({
    title: `Pay ${total} ${code} to ${merchant} · Payfect Sandbox`,
    styles: checkoutStyles,
    body,
    data: jsonForScript(data),
    dataId: 'pf-data',
    script: checkoutScript,
  })
}

function summary(checkout: CheckoutView, merchant: string, code: string, total: string): SafeHtml {
  const items = checkout.invoiceItems ?? []
  return html`<section class="pf-summary" aria-labelledby="pf-merchant">
    <div class="pf-merchant">
      <span class="pf-avatar" aria-hidden="true">${initial(merchant)}</span>
      <div><p class="pf-eyebrow">Pay</p><h1 id="pf-merchant" class="pf-merchant__name">${merchant}</h1></div>
    </div>
    <p class="pf-due"><span class="pf-due__label" id="pf-due-label">${checkout.status === 'complete' ? 'Paid' : 'Amount due'}</span> <span class="pf-due__value">${total}</span> <span class="pf-due__code">${code}</span></p>
    <h2 class="pf-summary__title" id="pf-items-title">Order summary</h2>
    <ul class="pf-items" aria-labelledby="pf-items-title">
      ${items.map((item) => {
        const product = item.priceData?.productData
        const unit = item.priceData?.unitAmount
        return html`<li class="pf-item">
        <span class="pf-item__thumb" aria-hidden="true">${initial(product?.name ?? 'Item')}</span>
        <div class="pf-item__main">
          <p class="pf-item__name">${product?.name ?? 'Item'}</p>
          ${product?.description ? html`<p class="pf-item__desc">${product.description}</p>` : ''}
          <p class="pf-item__qty">Qty ${item.quantity}${unit ? html` × ${formatAmount(unit)} ${code}` : ''}</p>
        </div>
        <p class="pf-item__amount">${formatAmount(item.amount)} ${code}</p>
      </li>`
      })}
    </ul>
    <dl class="pf-totals">
      <div class="pf-totals__row pf-totals__row--total"><dt>Total</dt><dd><span id="pf-total">${total}</span> ${code}</dd></div>
    </dl>
  </section>`
}

/** The first letter or digit of a name, for an avatar tile (no external images on this page). */
function initial(name: string): string {
  return Array.from(name).find((ch) => /[\p{L}\p{N}]/u.test(ch))?.toUpperCase() ?? '•'
}

function countdown(expiresMs: number | undefined, createdMs: number | undefined, nowMs: number): SafeHtml {
  if (expiresMs === undefined) return html``
  const remaining = expiresMs - nowMs
  const spanMs = createdMs !== undefined && expiresMs > createdMs ? expiresMs - createdMs : 30 * 60_000
  const fraction = Math.min(1, Math.max(0, remaining / spanMs))
  return html`<div class="pf-timer" id="pf-timer" data-urgent="${remaining < 60_000 ? 'true' : 'false'}">
        ${icons.clock()}<span class="pf-timer__label" id="pf-timer-label">Expires in</span>
        <span class="pf-timer__value" role="timer" id="pf-countdown" aria-labelledby="pf-timer-label pf-countdown">${formatCountdown(remaining)}</span>
        <span class="pf-timer__bar" aria-hidden="true"><span id="pf-timer-fill" style="transform: scaleX(${fraction.toFixed(4)})"></span></span>
      </div>`
}

function copyButton(what: 'address' | 'amount', label: string, value: string): SafeHtml {
  return html`<button type="button" class="pf-copy" id="pf-copy-${what}" data-copy="${value}" data-copy-what="${what}" aria-label="${label}"><span class="pf-copy__icon">${icons.copy()}</span><span class="pf-copy__done">${icons.check()}</span><span data-label>Copy</span></button>`
}

function statePanel(state: CheckoutPageStatus, status: CheckoutPageStatus, icon: SafeHtml, title: string, text: SafeHtml, hint: string): SafeHtml {
  return html`<div class="pf-panel pf-state pf-state--${state}" data-panel="${state}"${status === state ? '' : raw(' hidden')}>
      <span class="pf-state__icon" aria-hidden="true">${icon}</span>
      <h2 class="pf-state__title" tabindex="-1" data-focus>${title}</h2>
      <p class="pf-state__text">${text}</p>
      <p class="pf-state__hint" data-hint>${hint}</p>
    </div>`
}
