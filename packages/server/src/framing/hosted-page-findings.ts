import { type FramingDecision, type FramingHeader, decideFraming } from './frame-ancestors'
import type { PageFetch } from './fetch-page'
import type { FramingFinding } from './framing-finding'
import { parseCspPolicy } from './csp-policy'
import { getDecodeSplit } from './header-values'
import { parseSourceExpression } from './source-expression'

/** What the hosted checkout page's own headers say about being framed by the shop. */
export interface HostedPageVerdict {
  /** `null` when it could not be told: no answer, a refused redirect, a non-2xx answer or a bot wall. */
  embeddable: boolean | null
  /** `null` with `embeddable: null`. */
  decidedBy: FramingHeader | null
  findings: FramingFinding[]
}

/** Reads a fetched checkout page into a verdict and findings, each with its fix. */
export function hostedPageFindings(page: PageFetch, publicOrigin: string): HostedPageVerdict {
  const findings = redirectFindings(page.chain)
  if (!page.ok) {
    findings.push({ code: 'checkout-unreachable', severity: 'warning', message: `Could not tell whether ${publicOrigin} may frame the checkout page: ${page.message}.`, fix: 'Check the URL and the network, then run the check again with a fresh checkout page.' })
    return { embeddable: null, decidedBy: null, findings }
  }
  const wall = page.headers.get('cf-mitigated')
  if (page.status < 200 || page.status > 299 || wall !== null) {
    const what = wall !== null ? `a bot wall (cf-mitigated: ${wall})` : `${page.status}`
    findings.push({ code: 'checkout-not-ok', severity: 'warning', message: `Could not tell whether ${publicOrigin} may frame the checkout page: ${page.url.href} answered ${what}, not the page.`, fix: "Run the check again with a fresh, unexpired checkout page URL (a new checkout's `url`)." })
    return { embeddable: null, decidedBy: null, findings }
  }
  const decision = decideFraming({ headers: page.headers, pageUrl: page.url, ancestorOrigin: publicOrigin })
  findings.push(...decisionFindings(decision, page, publicOrigin), ...notes(decision, page.headers, publicOrigin))
  return { embeddable: decision.allowed, decidedBy: decision.decidedBy, findings }
}

// The frame lands on the last page of the chain, and the shop's frame-src must allow every origin on it.
function redirectFindings(chain: readonly URL[]): FramingFinding[] {
  const origins = new Set(chain.map((url) => url.origin))
  origins.delete(chain[0]!.origin)
  return [...origins].map((origin) => ({
    code: 'redirected',
    severity: 'info',
    message: `The checkout page redirects to ${origin}: the frame lands there, so that page's headers decide, and the shop's frame-src must allow ${origin} too.`,
  }))
}

function decisionFindings(decision: FramingDecision, page: Extract<PageFetch, { ok: true }>, publicOrigin: string): FramingFinding[] {
  const fallback = `Use mode="popup" or mode="redirect" on the checkout button, or ask Payfect to allow ${publicOrigin} in the checkout page's frame-ancestors.`
  const xfo = page.headers.get('x-frame-options')
  if (decision.decidedBy === 'content-security-policy') {
    const refusing = decision.frameAncestors.filter((directive) => !directive.allows)
    if (refusing.length === 0) return [allowed(`its Content-Security-Policy frame-ancestors allows ${publicOrigin}`)]
    return refusing.map((directive) => ({
      code: 'frame-ancestors-refused',
      severity: 'error',
      message: `The checkout page sends Content-Security-Policy \`frame-ancestors ${directive.sources.join(' ')}\`, which leaves out ${publicOrigin}: the modal cannot show it.`,
      fix: fallback,
    }))
  }
  if (decision.decidedBy === 'x-frame-options') {
    if (decision.allowed) return [allowed(`its X-Frame-Options: ${xfo} allows pages on its own origin, ${publicOrigin}`)]
    const kind = decision.xFrameOptions.kind
    const why =
      kind === 'deny'
        ? 'no site may frame it'
        : kind === 'sameorigin'
          ? `only pages on ${page.url.origin} may frame it`
          : 'its values conflict, so browsers let no site frame it'
    return [{ code: 'x-frame-options-refused', severity: 'error', message: `The checkout page sends X-Frame-Options: ${xfo}: ${why}, so the modal cannot show it.`, fix: fallback }]
  }
  return [allowed('neither its Content-Security-Policy nor its X-Frame-Options restricts framing')]

  function allowed(why: string): FramingFinding {
    return { code: 'framing-allowed', severity: 'info', message: `${publicOrigin} may frame the checkout page: ${why}.` }
  }
}

function notes(decision: FramingDecision, headers: Headers, publicOrigin: string): FramingFinding[] {
  const found: FramingFinding[] = []
  const xfo = headers.get('x-frame-options')
  if (decision.decidedBy === 'content-security-policy' && xfo !== null) {
    found.push({ code: 'x-frame-options-overridden', severity: 'info', message: `X-Frame-Options: ${xfo} is ignored: an enforced frame-ancestors overrides it.` })
  }
  if (decision.decidedBy === 'none' && decision.xFrameOptions.kind === 'invalid') {
    found.push({ code: 'x-frame-options-ignored', severity: 'warning', message: `X-Frame-Options: ${xfo} is not a value browsers act on (ALLOW-FROM is obsolete), so it is ignored.`, fix: `Ask Payfect to send Content-Security-Policy: frame-ancestors ${publicOrigin} instead.` })
  }
  const withPath = decision.frameAncestors.flatMap((directive) => directive.sources).filter(hasPath)
  if (withPath.length > 0) {
    found.push({ code: 'frame-ancestors-path', severity: 'warning', message: `frame-ancestors source${withPath.length > 1 ? 's' : ''} ${withPath.join(', ')} name a path: an ancestor is an origin, so a source with a path other than "/" matches nothing.`, fix: 'List origins only in frame-ancestors, e.g. https://shop.example.' })
  }
  const reportOnly = (getDecodeSplit(headers, 'content-security-policy-report-only') ?? []).some((text) => parseCspPolicy(text).directives.has('frame-ancestors'))
  if (reportOnly) found.push({ code: 'report-only-ignored', severity: 'info', message: 'Content-Security-Policy-Report-Only has frame-ancestors: it only reports, and decides nothing.' })
  const host = new URL(publicOrigin).hostname
  if (!decision.allowed && decision.decidedBy === 'content-security-policy' && (host.startsWith('[') || (/^\d+(?:\.\d+){3}$/.test(host) && host !== '127.0.0.1'))) {
    found.push({ code: 'ip-address-origin', severity: 'warning', message: `${publicOrigin} is an IP address: CSP host sources match domains (and 127.0.0.1) only, so only 'self' or * can let it in.`, fix: `Serve the shop from a host name (http://localhost:${new URL(publicOrigin).port || '80'} in development).` })
  }
  return found
}

function hasPath(source: string): boolean {
  const parsed = parseSourceExpression(source)
  return parsed?.kind === 'host' && parsed.path !== undefined && parsed.path !== '/'
}
