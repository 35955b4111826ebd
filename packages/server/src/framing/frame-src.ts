import { enforcedPolicies } from './csp-policy'
import { parseWebUrl } from './origin'
import { parseSourceExpression } from './source-expression'
import { matchesSourceList } from './source-list-match'

/** The directives that govern an iframe's URL, most specific first (CSP3's fallback list for `frame-src`). */
const FALLBACK = ['frame-src', 'child-src', 'default-src'] as const

/** One enforced policy of the shop's page that refuses the hosted page in a frame. */
export interface FrameSrcRefusal {
  /** The whole policy, as the shop's page sent it. */
  policy: string
  /** The directive that governed frames in it: `frame-src`, or the `child-src` or `default-src` it fell back to. */
  directive: (typeof FALLBACK)[number]
  sources: string[]
  /** The URL it refused: the checkout page, or a page it redirected to. */
  url: string
  /** The `frame-src` directive to put in that policy: the sources it allowed, plus the hosted origin. */
  fix: string
}

export interface FrameSrcInput {
  /** The response headers of the shop's page that opens the modal. */
  headers: Headers
  /** That page's URL: its origin is what `'self'` means. */
  pageUrl: string | URL
  /**
   * The URLs the frame loads, in order: the checkout page, then each page it redirects to.
   * Paths are compared for the first only, as browsers do after a redirect.
   */
  frameUrls: readonly (string | URL)[]
}

/**
 * Whether the shop's own Content-Security-Policy lets its page frame the hosted checkout:
 * for each enforced policy, the first of `frame-src`, `child-src`, `default-src` it has must
 * allow every URL of the frame's redirect chain. Returns the refusals (none means allowed),
 * each with the exact `frame-src` line that fixes it.
 *
 * @example
 * checkFrameSrc({ headers: new Headers({ 'content-security-policy': "default-src 'self'" }), pageUrl: 'https://shop.example/cart', frameUrls: [checkout.url] })
 * // [{ directive: 'default-src', fix: "frame-src 'self' https://buy.payfect.finance", ... }]
 */
export function checkFrameSrc({ headers, pageUrl, frameUrls }: FrameSrcInput): FrameSrcRefusal[] {
  const self = new URL(parseWebUrl('pageUrl', pageUrl).origin)
  const chain = frameUrls.map((url) => parseWebUrl('frameUrls', url))
  const refusals: FrameSrcRefusal[] = []
  for (const policy of enforcedPolicies(headers)) {
    const directive = FALLBACK.find((name) => policy.directives.has(name))
    if (!directive) continue
    const sources = policy.directives.get(directive)!
    const refused = chain.find((url, redirects) => !matchesSourceList(url, sources, self, redirects))
    if (refused) refusals.push({ policy: policy.text, directive, sources, url: refused.href, fix: fixLine(sources, chain) })
  }
  return refusals
}

// The URL sources already allowed (not 'none', which any other source cancels, nor the script
// keywords a default-src may hold), plus each origin of the chain.
function fixLine(sources: readonly string[], chain: readonly URL[]): string {
  const kept = sources.filter((source) => source === '*' || source.toLowerCase() === "'self'" || parseSourceExpression(source) !== undefined)
  const origins = [...new Set(chain.map((url) => url.origin))].filter((origin) => !kept.includes(origin))
  return ['frame-src', ...kept, ...origins].join(' ')
}
