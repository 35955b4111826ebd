import { type CspPolicy, enforcedPolicies } from './csp-policy'
import { parseOrigin, parseWebUrl } from './origin'
import { matchesSourceList } from './source-list-match'
import { readXFrameOptions, type XFrameOptions, xFrameOptionsAllows } from './x-frame-options'

/** The header that decided whether a page may be framed; `none` when neither restricts it. */
export type FramingHeader = 'content-security-policy' | 'x-frame-options' | 'none'

/** One enforced policy's `frame-ancestors` directive, and whether it lets the ancestor in. */
export interface FrameAncestorsDirective {
  /** The whole policy the directive came from, as sent. */
  policy: string
  sources: string[]
  allows: boolean
}

export interface FramingDecision {
  /** True when a page with `headers`, served from `pageUrl`, may be framed by `ancestorOrigin`. */
  allowed: boolean
  /** Which header decided: `frame-ancestors` in any enforced policy overrides `X-Frame-Options`. */
  decidedBy: FramingHeader
  /** Every enforced `frame-ancestors` directive; each must allow the ancestor. */
  frameAncestors: FrameAncestorsDirective[]
  /** `X-Frame-Options` as sent, whether or not it decided. */
  xFrameOptions: XFrameOptions
}

export interface DecideFramingInput {
  /** The framed page's response headers. */
  headers: Headers
  /** The framed page's final URL: `'self'` and `SAMEORIGIN` mean its origin. */
  pageUrl: string | URL
  /** The origin of the page that frames it (the shop's `publicOrigin`), e.g. `https://shop.example`. */
  ancestorOrigin: string
}

/**
 * Whether `ancestorOrigin` may frame a page, as a browser decides it for a one-level frame:
 * CSP3's `frame-ancestors` navigation response check
 * (https://www.w3.org/TR/CSP3/#frame-ancestors-navigation-response) for every enforced policy,
 * and, only when no enforced policy has `frame-ancestors`, the HTML standard's `X-Frame-Options` check.
 *
 * @example
 * decideFraming({ headers: response.headers, pageUrl: response.url, ancestorOrigin: 'https://shop.example' })
 * // { allowed: false, decidedBy: 'x-frame-options', ... } for `X-Frame-Options: DENY`
 * @throws PayfectConfigurationError when `pageUrl` is not an http(s) URL or `ancestorOrigin` not an origin
 */
export function decideFraming({ headers, pageUrl, ancestorOrigin }: DecideFramingInput): FramingDecision {
  const page = parseWebUrl('pageUrl', pageUrl)
  // frame-ancestors compares the URL parsed from the ancestor's serialized origin (its path is "/").
  const ancestor = new URL(parseOrigin('ancestorOrigin', ancestorOrigin))
  const xFrameOptions = readXFrameOptions(headers)
  const frameAncestors = enforcedPolicies(headers).flatMap((policy) => directiveOf(policy, ancestor, page))
  if (frameAncestors.length > 0) {
    return { allowed: frameAncestors.every((directive) => directive.allows), decidedBy: 'content-security-policy', frameAncestors, xFrameOptions }
  }
  const allowed = xFrameOptionsAllows(xFrameOptions, ancestor, page)
  const decides = xFrameOptions.kind === 'deny' || xFrameOptions.kind === 'sameorigin' || xFrameOptions.kind === 'conflicting'
  return { allowed, decidedBy: decides ? 'x-frame-options' : 'none', frameAncestors, xFrameOptions }
}

function directiveOf(policy: CspPolicy, ancestor: URL, page: URL): FrameAncestorsDirective[] {
  const sources = policy.directives.get('frame-ancestors')
  if (!sources) return []
  return [{ policy: policy.text, sources, allows: matchesSourceList(ancestor, sources, new URL(page.origin), 0) }]
}
