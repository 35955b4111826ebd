import { html } from './html'
import { icons } from './icons'
import { htmlDocument, poweredBy, sandboxRibbon } from './layout'

const styles = /* css */ `
.pf-missing { flex: 1; display: grid; place-items: center; padding: 32px 16px; }
.pf-missing__card {
  width: 100%; max-width: 420px; display: grid; justify-items: center; gap: 10px; text-align: center;
  padding: 32px 24px; background: var(--payfect-surface); border: 1px solid var(--payfect-border);
  border-radius: var(--payfect-radius); box-shadow: var(--payfect-shadow);
}
.pf-missing__icon { width: 56px; height: 56px; border-radius: 50%; display: grid; place-items: center; background: var(--payfect-subtle); color: var(--payfect-muted); margin-bottom: 4px; }
.pf-missing h1 { font-size: 20px; font-weight: 700; }
.pf-missing p { color: var(--payfect-muted); }
.pf-missing code { font: 13px/1.4 var(--payfect-mono); color: var(--payfect-text); background: var(--payfect-subtle); padding: 2px 6px; border-radius: 6px; }
`

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
  return htmlDocument({ title: 'Checkout not found · Payfect Sandbox', styles, body })
}
