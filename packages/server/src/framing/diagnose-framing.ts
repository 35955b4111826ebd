import { PayfectConfigurationError } from '../errors'
import type { FramingHeader } from './frame-ancestors'
import { checkFrameSrc } from './frame-src'
import { fetchPage } from './fetch-page'
import type { FramingFinding } from './framing-finding'
import { hostedPageFindings } from './hosted-page-findings'
import { parseOrigin, parseWebUrl } from './origin'

export interface DiagnoseFramingOptions {
  /**
   * A checkout page to test: a fresh checkout's `url`.
   * @example 'https://buy.payfect.finance/checkouts/ed8d24aa-a860-426b-8e56-87cb9f55a081'
   */
  checkoutUrl: string
  /**
   * The origin of the shop that frames it: the route's `publicOrigin`.
   * @example 'https://shop.example'
   */
  publicOrigin: string
  /**
   * The shop's page that opens the modal, to check that its own Content-Security-Policy allows
   * the checkout in `frame-src`. Its `headers` when you have them; else its `url` is fetched.
   * @example { url: 'https://shop.example/cart' }
   */
  shopPage?: { url: string; headers?: HeadersInit | undefined } | undefined
  /**
   * The `fetch` to use. It is given no API key and no cookie, and `redirect: 'manual'`.
   * @defaultValue `globalThis.fetch`
   */
  fetch?: typeof fetch | undefined
  /**
   * How long each page (with its redirects) may take to answer.
   * @defaultValue 5000
   */
  timeoutMs?: number | undefined
  /**
   * How many redirects to follow, each only after checking its target.
   * @defaultValue 5
   */
  maxRedirects?: number | undefined
  /** Stops the check: the call then rejects with the signal's reason. */
  signal?: AbortSignal | undefined
}

export interface FramingReport {
  checkoutUrl: string
  publicOrigin: string
  /** Whether the checkout page's own headers let `publicOrigin` frame it; `null` when that could not be told. */
  embeddable: boolean | null
  /** The header that decided `embeddable`; `null` when it could not be told. */
  decidedBy: FramingHeader | null
  /** Whether the shop's page allows the checkout in `frame-src`; `undefined` when no shop page was checked. */
  frameSrcAllowed: boolean | undefined
  /** `refused` when anything keeps the modal from showing the checkout, `unknown` when that could not be told. */
  verdict: 'allowed' | 'refused' | 'unknown'
  /** The checkout page's URL, then every page it redirected to. */
  chain: string[]
  findings: FramingFinding[]
}

/**
 * Checks whether the shop at `publicOrigin` can show a checkout page in the modal, the way a
 * browser would decide it, and says how to fix what stands in the way. For development and
 * the `payfect-framing-check` command, not for the click path: it makes network requests.
 *
 * @example
 * const report = await diagnoseFraming({ checkoutUrl: checkout.url, publicOrigin: 'https://shop.example' })
 * for (const finding of report.findings) console.info(finding.message, finding.fix ?? '')
 */
export async function diagnoseFraming(options: DiagnoseFramingOptions): Promise<FramingReport> {
  const publicOrigin = parseOrigin('publicOrigin', options.publicOrigin)
  const checkoutUrl = parseWebUrl('checkoutUrl', options.checkoutUrl)
  const shopPageUrl = options.shopPage === undefined ? undefined : parseWebUrl('shopPage.url', options.shopPage.url)
  const fetchOptions = {
    fetch: resolveFetch(options.fetch),
    timeoutMs: count('timeoutMs', options.timeoutMs ?? 5_000, 1),
    maxRedirects: count('maxRedirects', options.maxRedirects ?? 5, 0),
    signal: options.signal,
  }
  const page = await fetchPage(checkoutUrl, fetchOptions)
  const hosted = hostedPageFindings(page, publicOrigin)
  const findings = [...hosted.findings]
  if (publicOrigin.startsWith('https:') && page.chain.some((url) => url.protocol === 'http:')) {
    findings.push({ code: 'mixed-content', severity: 'error', message: `The checkout page is served over http, and browsers block an http frame in an https page such as ${publicOrigin}.`, fix: 'Use an https checkout page (set the sandbox or base URL to https), or serve the shop over http in development.' })
  }
  let frameSrcAllowed: boolean | undefined
  if (shopPageUrl) {
    if (shopPageUrl.origin !== publicOrigin) {
      findings.push({ code: 'shop-page-origin', severity: 'warning', message: `The shop page ${shopPageUrl.href} is not on ${publicOrigin}.`, fix: 'Pass a page of the shop that opens the modal, or the origin that page is served from.' })
    }
    const headers = await shopPageHeaders(shopPageUrl, options.shopPage?.headers, fetchOptions, findings)
    if (headers) {
      const refusals = checkFrameSrc({ headers, pageUrl: shopPageUrl, frameUrls: page.chain })
      frameSrcAllowed = refusals.length === 0
      for (const refusal of refusals) {
        findings.push({
          code: 'frame-src-refused',
          severity: 'error',
          message: `The shop page ${shopPageUrl.href} sends Content-Security-Policy \`${refusal.directive} ${refusal.sources.join(' ')}\`, which refuses frames from ${new URL(refusal.url).origin}: the browser blocks the modal's frame.`,
          fix: refusal.directive === 'frame-src' ? `Replace it with \`${refusal.fix}\`.` : `Add \`${refusal.fix}\` to that policy.`,
        })
      }
      if (frameSrcAllowed) findings.push({ code: 'frame-src-allowed', severity: 'info', message: `The shop page ${shopPageUrl.href} allows frames from ${checkoutUrl.origin}.` })
    }
  }
  const refused = hosted.embeddable === false || frameSrcAllowed === false || findings.some((finding) => finding.code === 'mixed-content')
  return {
    checkoutUrl: checkoutUrl.href,
    publicOrigin,
    embeddable: hosted.embeddable,
    decidedBy: hosted.decidedBy,
    frameSrcAllowed,
    verdict: refused ? 'refused' : hosted.embeddable === null ? 'unknown' : 'allowed',
    chain: page.chain.map((url) => url.href),
    findings,
  }
}

async function shopPageHeaders(url: URL, given: HeadersInit | undefined, options: Parameters<typeof fetchPage>[1], findings: FramingFinding[]): Promise<Headers | undefined> {
  if (given !== undefined) return new Headers(given)
  const page = await fetchPage(url, options)
  if (page.ok && page.status >= 200 && page.status <= 299) return page.headers
  const why = page.ok ? `it answered ${page.status}` : page.message
  findings.push({ code: 'shop-page-unreachable', severity: 'warning', message: `Could not read the shop page's Content-Security-Policy: ${why}.`, fix: 'Pass a shop page URL that answers 200 without a login, or pass its headers.' })
  return undefined
}

function resolveFetch(given: typeof fetch | undefined): typeof fetch {
  const fetchFn = given ?? globalThis.fetch?.bind(globalThis)
  if (typeof fetchFn !== 'function') throw new PayfectConfigurationError({ message: '`fetch` must be a function, and this runtime has no global fetch: pass one as `{ fetch }`.' })
  return fetchFn
}

function count(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new PayfectConfigurationError({ message: `\`${name}\` must be an integer of at least ${min}; got ${String(value)}.` })
  return value
}
