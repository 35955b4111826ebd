import type { Checkout } from '../api-types'
import type { Delivery, PendingCallback } from '../delivery'
import type { CallbackAmount } from '../callback-amount'
import type { Framing } from '../framing'
import type { UsdtQuote } from '../quote'
import { pageAssets } from './assets'
import { currencyCode, formatAmount, formatRelative, formatUtc, isoTime, timeMs } from './format'
import { html, type SafeHtml } from './html'
import { icons } from './icons'
import { htmlDocument, poweredBy, sandboxRibbon } from './layout'

/** What the `/_sandbox` dashboard shows. */
export interface DashboardView {
  /** The sandbox's API base (`http://127.0.0.1:4010/api/v1`), shown with a snippet to point `@payfect/server` at it. */
  apiBase: string
  /** The server's clock, Unix ms, for "in 29 min" / "3 min ago". */
  nowMs: number
  checkouts: Array<{ checkout: Checkout; deliveries: Delivery[]; quote?: UsdtQuote | null; requestedCurrency?: string }>
  /** Callbacks held for "Deliver" or due later. */
  pending?: PendingCallback[]
  /** How the hosted checkout page answers a frame now. */
  framing?: Framing
  /** What a fiat checkout's callback reports as `amount` now. */
  callbackAmount?: CallbackAmount
  /** Units of each fiat currency per 1 USDT that new checkouts are quoted at. */
  rates?: Readonly<Record<string, string>>
}

const CALLBACK_AMOUNT_CHOICES: ReadonlyArray<readonly [CallbackAmount, string]> = [
  ['fiat', 'The fiat total, in the checkout’s currency'],
  ['usdt', 'The USDT paid, with currency "usdt"'],
]

const FRAMING_CHOICES: ReadonlyArray<readonly [Framing, string]> = [
  ['allow', 'Allow any shop to frame it (frame-ancestors *)'],
  ['deny', 'Refuse every frame (X-Frame-Options: DENY)'],
  ['self', "Leave the shop out (frame-ancestors 'self')"],
]

/** The callback rehearsals a Pay or Resend click can ask for (`?callback=`). */
const CALLBACK_CHOICES = [
  ['send', 'Send'],
  ['twice', 'Send twice'],
  ['late', 'Send late (5 s)'],
  ['hold', 'Hold until Deliver'],
  ['drop', 'Drop'],
] as const

const KIND_LABELS: Record<Delivery['kind'], string> = {
  callback: 'callback',
  retry: 'retry',
  duplicate: 'duplicate',
  late: 'late',
  held: 'held, delivered',
  resend: 'resend',
  replay: 'replay',
  dropped: 'dropped',
}

/** Where the dashboard's buttons POST: `{controlRoot}{id}/pay|expire|resend`. */
const CONTROL_ROOT = '/_sandbox/checkouts/'
/** Where the framing menu POSTs: `{settingsRoot}?framing=deny`. */
const SETTINGS_ROOT = '/_sandbox/settings'
/** Where a Replay button POSTs: `{deliveryRoot}{id}/replay`. */
const DELIVERY_ROOT = '/_sandbox/deliveries/'

/**
 * Renders the sandbox dashboard: every checkout with its status and callback deliveries,
 * buttons to pay, expire and resend, and how to connect a client. It refreshes itself
 * every 3 s by fetching its own URL. The API key and webhook secret never appear in it.
 */
export function renderDashboard(view: DashboardView): string {
  const rows = [...view.checkouts].sort((a, b) => (timeMs(b.checkout.createdAt) ?? 0) - (timeMs(a.checkout.createdAt) ?? 0))
  const snippet = `import { Payfect } from '@payfect/server'

const payfect = new Payfect({
  apiKey: process.env.PAYFECT_API_KEY, // the test key payfect-sandbox printed
  baseUrl: ${JSON.stringify(view.apiBase).replace(/^"|"$/g, "'")},
})`
  const body = html`${sandboxRibbon()}
<main class="pf-dash" id="pf-dash" data-control-root="${CONTROL_ROOT}" data-delivery-root="${DELIVERY_ROOT}">
  <div class="pf-dash__head">
    <span class="pf-logo" aria-hidden="true">P</span>
    <div><h1>Payfect Sandbox</h1><p>Checkouts, callbacks and test controls for this local Payfect.</p></div>
  </div>
  <section class="pf-card pf-connect" aria-labelledby="pf-connect-title">
    <h2 id="pf-connect-title">Connect your server</h2>
    <div class="pf-connect__row">
      <span class="pf-connect__label" id="pf-api-base-label">API base</span>
      <code class="pf-inline-code" id="pf-api-base">${view.apiBase}</code>
      <button type="button" class="pf-copy" data-copy="${view.apiBase}" aria-label="Copy API base">${icons.copy()}<span data-label>Copy</span></button>
    </div>
    <div class="pf-snippet">
      <div class="pf-snippet__bar"><span>server.ts</span><button type="button" class="pf-copy pf-copy--dark" data-copy="${snippet}" aria-label="Copy snippet">${icons.copy()}<span data-label>Copy</span></button></div>
      <pre tabindex="0" aria-label="Client setup snippet"><code>${snippet}</code></pre>
    </div>
    <p class="pf-muted">The API key and webhook secret are printed by <code>payfect-sandbox</code> when it starts; they are never shown here.</p>
  </section>
  <section class="pf-card pf-settings" aria-labelledby="pf-settings-title">
    <h2 id="pf-settings-title">Hosted checkout page</h2>
    <label class="pf-callback-mode" for="pf-framing">Framing</label>
    <select id="pf-framing" data-settings-root="${SETTINGS_ROOT}">${FRAMING_CHOICES.map(
      ([value, label]) => html`<option value="${value}"${value === (view.framing ?? 'allow') ? html` selected` : ''}>${label}</option>`,
    )}</select>
    <p class="pf-muted">Refuse frames to see how a shop's modal falls back when Payfect's page cannot be shown in it.</p>
  </section>
  <section class="pf-card pf-settings" aria-labelledby="pf-fiat-title">
    <h2 id="pf-fiat-title">Fiat checkouts</h2>
    <p class="pf-muted" id="pf-rates">Quoted in USDT at ${Object.entries(view.rates ?? {}).map(([code, rate]) => `${rate} ${code}`).join(', ') || 'no rates'} per USDT (the sandbox's rates, set with <code>--rate</code>), rounded up to the cent.
      A checkout whose items are in another currency than its own (the docs' <code>CNY</code> checkout of <code>TWD</code> items) is totalled in the items' currency: an assumption, Payfect documents no conversion.</p>
    <label class="pf-callback-mode" for="pf-callback-amount">Callback amount</label>
    <select id="pf-callback-amount" data-settings-root="${SETTINGS_ROOT}">${CALLBACK_AMOUNT_CHOICES.map(
      ([value, label]) => html`<option value="${value}"${value === (view.callbackAmount ?? 'fiat') ? html` selected` : ''}>${label}</option>`,
    )}</select>
    <p class="pf-muted">Payfect does not document what a fiat checkout's callback reports. Switch to check that fulfilment reads the checkout back instead of trusting the callback's <code>amount</code>.</p>
  </section>
  <section class="pf-card" aria-labelledby="pf-checkouts-title">
    <div class="pf-card__head">
      <h2 id="pf-checkouts-title">Checkouts <span class="pf-muted">(${rows.length})</span></h2>
      <label class="pf-refresh"><input type="checkbox" id="pf-auto-refresh" checked> Auto-refresh every 3 s</label>
    </div>
    <div id="pf-dash-checkouts">${rows.length === 0 ? empty() : table(rows, view.nowMs, view.pending ?? [])}</div>
  </section>
  <p class="pf-toast" id="pf-toast" role="status" aria-live="polite" hidden></p>
</main>
${poweredBy()}`
  return htmlDocument({ title: `Payfect Sandbox · ${rows.length} checkout${rows.length === 1 ? '' : 's'}`, styles: pageAssets().dashboardCss, body, script: pageAssets().dashboardScript })
}

function empty(): SafeHtml {
  return html`<p class="pf-empty">No checkouts yet. Create one with <code>POST /api/v1/checkouts/</code> and it appears here.</p>`
}

function table(rows: DashboardView['checkouts'], nowMs: number, pending: PendingCallback[]): SafeHtml {
  return html`<div class="pf-table-wrap" role="region" aria-labelledby="pf-checkouts-title" tabindex="0">
  <table class="pf-table">
    <caption class="pf-sr-only">Checkouts, newest first, each followed by its callback deliveries</caption>
    <thead><tr><th scope="col">Checkout</th><th scope="col">Merchant ref</th><th scope="col" class="pf-num">Amount</th><th scope="col">Status</th><th scope="col">Created</th><th scope="col">Expires</th><th scope="col">Actions</th></tr></thead>
    <tbody>${rows.map(({ checkout, deliveries, quote, requestedCurrency }) => row(checkout, deliveries, nowMs, pending.filter((p) => p.checkoutId === checkout.id), quote ?? null, requestedCurrency))}</tbody>
  </table>
</div>`
}

function row(checkout: Checkout, deliveries: Delivery[], nowMs: number, pending: PendingCallback[], quote: UsdtQuote | null, requestedCurrency?: string): SafeHtml {
  const held = pending.some((p) => p.kind === 'held')
  const late = pending.find((p) => p.kind === 'late')
  const created = timeMs(checkout.createdAt)
  const expires = timeMs(checkout.expiresAt)
  const id = checkout.id
  const open = checkout.status === 'open'
  return html`<tr data-checkout-id="${id}" data-status="${checkout.status}">
      <td><a class="pf-id" href="${checkout.url}" aria-label="Open checkout ${id}">${id}</a><span class="pf-sub">${checkout.merchant?.name ?? ''}</span></td>
      <td>${checkout.clientReferenceId ?? html`<span class="pf-muted">—</span>`}</td>
      <td class="pf-num">${formatAmount(checkout.amountTotal)} ${currencyCode(checkout.currency)}${
        quote ? html`<span class="pf-sub" data-quote>${formatAmount(quote.usdt)} USDT at ${quote.rate}</span>` : ''
      }${
        requestedCurrency && requestedCurrency.toLowerCase() !== checkout.currency.toLowerCase()
          ? html`<span class="pf-sub" data-requested-currency>asked ${currencyCode(requestedCurrency)}, totalled in the items' ${currencyCode(checkout.currency)}</span>`
          : ''
      }</td>
      <td><span class="pf-badge pf-badge--${checkout.status}">${checkout.status}</span></td>
      <td class="pf-time"><time datetime="${isoTime(created)}">${formatUtc(created)}</time><span class="pf-sub">${formatRelative(created, nowMs)}</span></td>
      <td class="pf-time"><time datetime="${isoTime(expires)}">${formatUtc(expires)}</time><span class="pf-sub">${formatRelative(expires, nowMs)}</span></td>
      <td><div class="pf-actions">
        <button type="button" class="pf-btn pf-btn--primary pf-btn--small" id="pf-pay-${id}" data-action="pay" data-id="${id}" aria-label="Pay checkout ${id}"${open ? '' : html` disabled`}>Pay</button>
        <button type="button" class="pf-btn pf-btn--secondary pf-btn--small" id="pf-expire-${id}" data-action="expire" data-id="${id}" aria-label="Expire checkout ${id}"${open ? '' : html` disabled`}>Expire</button>
        <button type="button" class="pf-btn pf-btn--secondary pf-btn--small" id="pf-resend-${id}" data-action="resend" data-id="${id}" aria-label="Resend callback for checkout ${id}"${checkout.status === 'complete' ? '' : html` disabled`}>Resend</button>
        <button type="button" class="pf-btn pf-btn--secondary pf-btn--small" id="pf-deliver-${id}" data-action="deliver" data-id="${id}" aria-label="Deliver held callback for checkout ${id}"${held ? '' : html` disabled`}>Deliver</button>
      </div>
      <label class="pf-callback-mode"><span>Callback</span> <select id="pf-mode-${id}" data-mode-for="${id}" aria-label="Callback for checkout ${id}">${CALLBACK_CHOICES.map(([value, label]) => html`<option value="${value}">${label}</option>`)}</select></label>
      ${held ? html`<span class="pf-sub" data-pending="held">Callback held: Deliver sends it.</span>` : ''}${late?.dueAt !== undefined ? html`<span class="pf-sub" data-pending="late">Late callback due ${formatRelative(late.dueAt, nowMs)}.</span>` : ''}</td>
    </tr>
    <tr class="pf-deliveries" data-deliveries-for="${id}"><td colspan="7">${deliveryTable(id, deliveries)}</td></tr>`
}

function deliveryTable(id: string, deliveries: Delivery[]): SafeHtml {
  if (deliveries.length === 0) return html`<div class="pf-deliveries__box"><p class="pf-muted">No callback deliveries yet.</p></div>`
  const sorted = [...deliveries].sort((a, b) => a.at - b.at || a.attempt - b.attempt)
  return html`<div class="pf-deliveries__box"><table aria-label="Callback deliveries for checkout ${id}">
      <thead><tr><th scope="col">Attempt</th><th scope="col">Kind</th><th scope="col">URL</th><th scope="col">Response</th><th scope="col">Time</th><th scope="col"><span class="pf-sr-only">Actions</span></th></tr></thead>
      <tbody>${sorted.map(
        (d) => html`<tr data-delivery-id="${d.id}" data-kind="${d.kind}">
        <td>#${d.attempt}</td>
        <td>${KIND_LABELS[d.kind] ?? d.kind}</td>
        <td class="pf-url">${d.url}</td>
        <td><span class="pf-badge pf-badge--${d.ok ? 'ok' : 'failed'}">${d.kind === 'dropped' ? 'not sent' : d.status === null ? 'no response' : d.status}</span>${d.error ? html`<span class="pf-sub">${d.error}</span>` : ''}${
          d.responseBody ? html`<details class="pf-answer"><summary>Receiver’s answer</summary><pre>${d.responseBody}</pre></details>` : ''
        }</td>
        <td class="pf-time"><time datetime="${isoTime(d.at)}">${formatUtc(d.at)}</time></td>
        <td><button type="button" class="pf-btn pf-btn--secondary pf-btn--small" id="pf-replay-${d.id}" data-action="replay" data-delivery-id="${d.id}" aria-label="Replay delivery ${d.id}">Replay</button></td>
      </tr>`,
      )}</tbody>
    </table></div>`
}
