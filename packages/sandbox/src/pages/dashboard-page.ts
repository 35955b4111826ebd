import type { Checkout } from '../api-types'
import { dashboardScript } from './dashboard-script'
import { dashboardStyles } from './dashboard-styles'
import { currencyCode, formatAmount, formatRelative, formatUtc, isoTime, timeMs } from './format'
import { html, type SafeHtml } from './html'
import { icons } from './icons'
import { htmlDocument, poweredBy, sandboxRibbon } from './layout'

/** One attempt to deliver a checkout's success callback to the merchant. */
export interface Delivery {
  id: string
  checkoutId: string
  /** 1 for the first try, counting up through the retries. */
  attempt: number
  /** Where the callback was POSTed. */
  url: string
  /** When it was sent, in Unix ms. */
  at: number
  /** The receiver's HTTP status, or `null` when no response came (refused, timed out). */
  status: number | null
  /** Why no response came, or what the sandbox made of a bad one. */
  error?: string
  /** Whether the receiver acknowledged it with a 2xx. */
  ok: boolean
}

/** What the `/_sandbox` dashboard shows. */
export interface DashboardView {
  /** The sandbox's API base (`http://127.0.0.1:4010/api/v1`), shown with a snippet to point `@payfect/server` at it. */
  apiBase: string
  /** The server's clock, Unix ms, for "in 29 min" / "3 min ago". */
  nowMs: number
  checkouts: Array<{ checkout: Checkout; deliveries: Delivery[] }>
}

/** Where the dashboard's buttons POST: `{controlRoot}{id}/pay|expire|resend`. */
const CONTROL_ROOT = '/_sandbox/checkouts/'

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
<main class="pf-dash" id="pf-dash" data-control-root="${CONTROL_ROOT}">
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
  <section class="pf-card" aria-labelledby="pf-checkouts-title">
    <div class="pf-card__head">
      <h2 id="pf-checkouts-title">Checkouts <span class="pf-muted">(${rows.length})</span></h2>
      <label class="pf-refresh"><input type="checkbox" id="pf-auto-refresh" checked> Auto-refresh every 3 s</label>
    </div>
    <div id="pf-dash-checkouts">${rows.length === 0 ? empty() : table(rows, view.nowMs)}</div>
  </section>
  <p class="pf-toast" id="pf-toast" role="status" aria-live="polite" hidden></p>
</main>
${poweredBy()}`
  return htmlDocument({ title: `Payfect Sandbox · ${rows.length} checkout${rows.length === 1 ? '' : 's'}`, styles: dashboardStyles, body, script: dashboardScript })
}

function empty(): SafeHtml {
  return html`<p class="pf-empty">No checkouts yet. Create one with <code>POST /api/v1/checkouts/</code> and it appears here.</p>`
}

function table(rows: DashboardView['checkouts'], nowMs: number): SafeHtml {
  return html`<div class="pf-table-wrap" role="region" aria-labelledby="pf-checkouts-title" tabindex="0">
  <table class="pf-table">
    <caption class="pf-sr-only">Checkouts, newest first, each followed by its callback deliveries</caption>
    <thead><tr><th scope="col">Checkout</th><th scope="col">Merchant ref</th><th scope="col" class="pf-num">Amount</th><th scope="col">Status</th><th scope="col">Created</th><th scope="col">Expires</th><th scope="col">Actions</th></tr></thead>
    <tbody>${rows.map(({ checkout, deliveries }) => row(checkout, deliveries, nowMs))}</tbody>
  </table>
</div>`
}

function row(checkout: Checkout, deliveries: Delivery[], nowMs: number): SafeHtml {
  const created = timeMs(checkout.createdAt)
  const expires = timeMs(checkout.expiresAt)
  const id = checkout.id
  const open = checkout.status === 'open'
  return html`<tr data-checkout-id="${id}" data-status="${checkout.status}">
      <td><a class="pf-id" href="${checkout.url}" aria-label="Open checkout ${id}">${id}</a><span class="pf-sub">${checkout.merchant?.name ?? ''}</span></td>
      <td>${checkout.clientReferenceId ?? html`<span class="pf-muted">—</span>`}</td>
      <td class="pf-num">${formatAmount(checkout.amountTotal)} ${currencyCode(checkout.currency)}</td>
      <td><span class="pf-badge pf-badge--${checkout.status}">${checkout.status}</span></td>
      <td class="pf-time"><time datetime="${isoTime(created)}">${formatUtc(created)}</time><span class="pf-sub">${formatRelative(created, nowMs)}</span></td>
      <td class="pf-time"><time datetime="${isoTime(expires)}">${formatUtc(expires)}</time><span class="pf-sub">${formatRelative(expires, nowMs)}</span></td>
      <td><div class="pf-actions">
        <button type="button" class="pf-btn pf-btn--primary pf-btn--small" id="pf-pay-${id}" data-action="pay" data-id="${id}" aria-label="Pay checkout ${id}"${open ? '' : html` disabled`}>Pay</button>
        <button type="button" class="pf-btn pf-btn--secondary pf-btn--small" id="pf-expire-${id}" data-action="expire" data-id="${id}" aria-label="Expire checkout ${id}"${open ? '' : html` disabled`}>Expire</button>
        <button type="button" class="pf-btn pf-btn--secondary pf-btn--small" id="pf-resend-${id}" data-action="resend" data-id="${id}" aria-label="Resend callback for checkout ${id}"${checkout.status === 'complete' ? '' : html` disabled`}>Resend</button>
      </div></td>
    </tr>
    <tr class="pf-deliveries" data-deliveries-for="${id}"><td colspan="7">${deliveryTable(id, deliveries)}</td></tr>`
}

function deliveryTable(id: string, deliveries: Delivery[]): SafeHtml {
  if (deliveries.length === 0) return html`<div class="pf-deliveries__box"><p class="pf-muted">No callback deliveries yet.</p></div>`
  const sorted = [...deliveries].sort((a, b) => a.at - b.at || a.attempt - b.attempt)
  return html`<div class="pf-deliveries__box"><table aria-label="Callback deliveries for checkout ${id}">
      <thead><tr><th scope="col">Attempt</th><th scope="col">URL</th><th scope="col">Response</th><th scope="col">Time</th></tr></thead>
      <tbody>${sorted.map(
        (d) => html`<tr data-delivery-id="${d.id}">
        <td>#${d.attempt}</td>
        <td class="pf-url">${d.url}</td>
        <td><span class="pf-badge pf-badge--${d.ok ? 'ok' : 'failed'}">${d.status === null ? 'no response' : d.status}</span>${d.error ? html`<span class="pf-sub">${d.error}</span>` : ''}</td>
        <td class="pf-time"><time datetime="${isoTime(d.at)}">${formatUtc(d.at)}</time></td>
      </tr>`,
      )}</tbody>
    </table></div>`
}
