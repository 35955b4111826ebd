import { html, raw, type SafeHtml } from './html'
import { icons } from './icons'
import { pageAssets } from './assets'

export interface DocumentParts {
  title: string
  /** Page-specific CSS, trusted (written by the sandbox). */
  styles?: string
  body: SafeHtml
  /** Inline JavaScript, trusted (written by the sandbox). */
  script?: string
  /** Data for the script, already serialised with `jsonForScript`. */
  data?: SafeHtml
  /** The `id` of the `<script type="application/json">` holding `data`. */
  dataId?: string
}

// Inline, so a page needs no request for its icon, wherever it is served (Storybook too).
const faviconDataUrl = (): string => `data:image/svg+xml,${encodeURIComponent(pageAssets().faviconSvg)}`

/** The sandbox ribbon every page carries, so no one mistakes it for the live service. */
export function sandboxRibbon(): SafeHtml {
  return html`<header class="pf-ribbon" role="banner"><span class="pf-ribbon__tag">Sandbox</span><span>Test mode — no real funds are moved</span></header>`
}

export function poweredBy(): SafeHtml {
  return html`<footer class="pf-footer">${icons.lock()}<span>Powered by <strong>Payfect</strong></span><span aria-hidden="true">·</span><span>Local sandbox</span></footer>`
}

/**
 * A complete HTML document with everything inline — no CDN, no web font, no request
 * the page needs besides its own control endpoints.
 */
export function htmlDocument(parts: DocumentParts): string {
  const dataScript = parts.data ? html`<script type="application/json" id="${parts.dataId ?? 'pf-data'}">${parts.data}</script>` : ''
  const script = parts.script ? html`<script>${raw(parts.script)}</script>` : ''
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="robots" content="noindex">
<meta name="color-scheme" content="light dark">
<title>${parts.title}</title>
<link rel="icon" type="image/svg+xml" href="${faviconDataUrl()}">
<style>${raw(pageAssets().pageCss)}${raw(parts.styles ?? '')}</style>
</head>
<body>
${parts.body}
${dataScript}${script}
</body>
</html>
`.value
}
