import { pageAssets } from './assets'
import { html } from './html'
import { icons } from './icons'
import { htmlDocument, poweredBy, sandboxRibbon } from './layout'

/**
 * The page served at `/checkouts/{id}` for an id the sandbox does not know (serve it with status 404).
 *
 * @example
 * return new Response(renderNotFoundPage(id), { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' } })
 */
export function renderNotFoundPage(id: string): string {
  const body = html`${sandboxRibbon()}
<main class="pf-missing">
  <div class="pf-missing__card">
    <span class="pf-missing__icon" aria-hidden="true">${icons.alert()}</span>
    <h1>Checkout not found</h1>
    <p>This sandbox has no checkout <code>${String(id)}</code>.</p>
    <p>Sandbox checkouts live in memory: one made before the sandbox restarted is gone. Create a new checkout and open its <code>url</code>.</p>
  </div>
</main>
${poweredBy()}`
  return htmlDocument({ title: 'Checkout not found · Payfect Sandbox', styles: pageAssets().notFoundCss, body })
}
