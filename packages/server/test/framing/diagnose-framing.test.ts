import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { diagnoseFraming, formatFramingReport, PayfectConfigurationError } from '../../src/index'
import { type Listening, listen } from '../support/listen'

const SHOP = 'http://shop.example'

// A hosted page server and a second origin it may redirect to; each route sends one framing policy.
type Route = (res: ServerResponse, other: string) => void
const routes: Record<string, Route> = {
  '/open': (res) => res.end('<p>checkout</p>'),
  '/deny': (res) => send(res, { 'x-frame-options': 'DENY' }),
  '/sameorigin': (res) => send(res, { 'x-frame-options': 'SAMEORIGIN' }),
  '/conflicting': (res) => send(res, { 'x-frame-options': ['DENY', 'SAMEORIGIN'] }),
  '/allow-from': (res) => send(res, { 'x-frame-options': 'ALLOW-FROM http://shop.example' }),
  '/shop-listed': (res) => send(res, { 'content-security-policy': "frame-ancestors 'self' http://shop.example", 'x-frame-options': 'DENY' }),
  '/shop-left-out': (res) => send(res, { 'content-security-policy': ["frame-ancestors *", "frame-ancestors 'self' https://other.example/path"] }),
  '/lan-listed': (res) => send(res, { 'content-security-policy': 'frame-ancestors http://192.168.1.10:3000' }),
  '/report-only': (res) => send(res, { 'content-security-policy-report-only': "frame-ancestors 'none'" }),
  '/same-origin-redirect': (res) => redirect(res, '/deny'),
  '/cross-origin-redirect': (res, other) => redirect(res, `${other}/deny`),
  '/cross-origin-open': (res, other) => redirect(res, `${other}/open`),
  '/loop': (res) => redirect(res, '/loop'),
  '/to-ftp': (res) => redirect(res, 'ftp://files.example/x'),
  '/gone': (res) => send(res, {}, 404),
  '/bot-wall': (res) => send(res, { 'cf-mitigated': 'challenge' }, 403),
  '/hang': () => {},
  '/cart-strict': (res) => send(res, { 'content-security-policy': "default-src 'self'; script-src 'self' 'unsafe-inline'" }),
  '/cart-open': (res) => res.end('<p>cart</p>'),
}

function send(res: ServerResponse, headers: Record<string, string | string[]>, status = 200) {
  res.writeHead(status, { 'content-type': 'text/html', ...headers }).end('<p>page</p>')
}
function redirect(res: ServerResponse, location: string) {
  res.writeHead(302, { location }).end()
}

let hosted: Listening
let other: Listening
const seen: IncomingHttpHeaders[] = []

beforeAll(async () => {
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    seen.push(req.headers)
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname]
    if (route) route(res, other.url)
    else send(res, {}, 404)
  }
  ;[hosted, other] = await Promise.all([listen(handler), listen(handler)])
})
afterAll(() => Promise.all([hosted.close(), other.close()]))

const diagnose = (path: string, extra: Partial<Parameters<typeof diagnoseFraming>[0]> = {}) =>
  diagnoseFraming({ checkoutUrl: `${hosted.url}${path}`, publicOrigin: SHOP, timeoutMs: 2_000, ...extra })

const codes = (report: { findings: { code: string }[] }) => report.findings.map((finding) => finding.code)

describe('diagnoseFraming against a checkout page on 127.0.0.1', () => {
  it('a page without a framing policy can be framed, and says so', async () => {
    const report = await diagnose('/open')
    expect(report).toMatchObject({ embeddable: true, decidedBy: 'none', verdict: 'allowed', chain: [`${hosted.url}/open`] })
    expect(codes(report)).toEqual(['framing-allowed'])
  })

  it('X-Frame-Options: DENY names the header and the fix', async () => {
    const report = await diagnose('/deny')
    expect(report).toMatchObject({ embeddable: false, decidedBy: 'x-frame-options', verdict: 'refused' })
    expect(report.findings).toEqual([
      {
        code: 'x-frame-options-refused',
        severity: 'error',
        message: 'The checkout page sends X-Frame-Options: DENY: no site may frame it, so the modal cannot show it.',
        fix: 'Use mode="popup" or mode="redirect" on the checkout button, or ask Payfect to allow http://shop.example in the checkout page\'s frame-ancestors.',
      },
    ])
  })

  it('SAMEORIGIN and conflicting X-Frame-Options values refuse the shop', async () => {
    expect(await diagnose('/sameorigin')).toMatchObject({ embeddable: false, decidedBy: 'x-frame-options' })
    const conflicting = await diagnose('/conflicting')
    expect(conflicting).toMatchObject({ embeddable: false, decidedBy: 'x-frame-options' })
    expect(conflicting.findings[0]?.message).toContain('X-Frame-Options: DENY, SAMEORIGIN: its values conflict')
  })

  it('ALLOW-FROM is ignored, with a warning that says what to send instead', async () => {
    const report = await diagnose('/allow-from')
    expect(report).toMatchObject({ embeddable: true, decidedBy: 'none' })
    expect(report.findings[1]).toMatchObject({ code: 'x-frame-options-ignored', fix: 'Ask Payfect to send Content-Security-Policy: frame-ancestors http://shop.example instead.' })
  })

  it('frame-ancestors that lists the shop overrides X-Frame-Options: DENY', async () => {
    const report = await diagnose('/shop-listed')
    expect(report).toMatchObject({ embeddable: true, decidedBy: 'content-security-policy', verdict: 'allowed' })
    expect(codes(report)).toEqual(['framing-allowed', 'x-frame-options-overridden'])
  })

  it('of two policies, the one that leaves the shop out refuses; a source with a path is flagged', async () => {
    const report = await diagnose('/shop-left-out')
    expect(report).toMatchObject({ embeddable: false, decidedBy: 'content-security-policy' })
    expect(report.findings).toMatchObject([
      { code: 'frame-ancestors-refused', message: "The checkout page sends Content-Security-Policy `frame-ancestors 'self' https://other.example/path`, which leaves out http://shop.example: the modal cannot show it." },
      { code: 'frame-ancestors-path', severity: 'warning' },
    ])
  })

  it('an IP address shop is left out by any host-source, and told to use a host name', async () => {
    const report = await diagnose('/lan-listed', { publicOrigin: 'http://192.168.1.10:3000' })
    expect(report).toMatchObject({ embeddable: false, decidedBy: 'content-security-policy' })
    expect(report.findings[1]).toMatchObject({ code: 'ip-address-origin', fix: 'Serve the shop from a host name (http://localhost:3000 in development).' })
  })

  it('Content-Security-Policy-Report-Only decides nothing', async () => {
    const report = await diagnose('/report-only')
    expect(report).toMatchObject({ embeddable: true, decidedBy: 'none' })
    expect(codes(report)).toEqual(['framing-allowed', 'report-only-ignored'])
  })

  it('follows a redirect and judges the page it lands on', async () => {
    const report = await diagnose('/same-origin-redirect')
    expect(report).toMatchObject({ embeddable: false, decidedBy: 'x-frame-options', chain: [`${hosted.url}/same-origin-redirect`, `${hosted.url}/deny`] })
  })

  it('a redirect to another origin is followed, that origin is named, and its headers decide', async () => {
    const refused = await diagnose('/cross-origin-redirect')
    expect(refused).toMatchObject({ embeddable: false, decidedBy: 'x-frame-options', chain: [`${hosted.url}/cross-origin-redirect`, `${other.url}/deny`] })
    expect(refused.findings[0]).toMatchObject({ code: 'redirected', message: expect.stringContaining(`redirects to ${other.url}`) })
    expect(await diagnose('/cross-origin-open')).toMatchObject({ embeddable: true })
  })

  it('too many redirects, or one to a non-web URL, leave the answer unknown', async () => {
    const loop = await diagnose('/loop', { maxRedirects: 2 })
    expect(loop).toMatchObject({ embeddable: null, decidedBy: null, verdict: 'unknown' })
    expect(loop.chain).toHaveLength(3)
    expect(loop.findings[0]).toMatchObject({ code: 'checkout-unreachable', message: expect.stringContaining('redirects more than 2 times') })
    const ftp = await diagnose('/to-ftp')
    expect(ftp).toMatchObject({ embeddable: null, findings: [{ code: 'checkout-unreachable', message: expect.stringContaining('a ftp: URL, which is not followed') }] })
  })

  it('a non-2xx answer or a bot wall is unknown, never a refusal', async () => {
    expect(await diagnose('/gone')).toMatchObject({ embeddable: null, verdict: 'unknown', findings: [{ code: 'checkout-not-ok', message: expect.stringContaining('answered 404') }] })
    expect(await diagnose('/bot-wall')).toMatchObject({ embeddable: null, findings: [{ code: 'checkout-not-ok', message: expect.stringContaining('a bot wall (cf-mitigated: challenge)') }] })
  })

  it('a page that does not answer in time is unknown', async () => {
    const report = await diagnose('/hang', { timeoutMs: 50 })
    expect(report).toMatchObject({ embeddable: null, verdict: 'unknown', findings: [{ code: 'checkout-unreachable', message: expect.stringContaining('did not answer within 50 ms') }] })
  })

  it('a closed port is unknown, with the network error', async () => {
    const closed = await listen(() => {})
    await closed.close()
    const report = await diagnoseFraming({ checkoutUrl: `${closed.url}/c`, publicOrigin: SHOP })
    expect(report).toMatchObject({ embeddable: null, findings: [{ code: 'checkout-unreachable', message: expect.stringContaining('could not be reached') }] })
  })

  it('an https shop cannot frame an http checkout page', async () => {
    const report = await diagnose('/open', { publicOrigin: 'https://shop.example' })
    expect(report).toMatchObject({ embeddable: true, verdict: 'refused' })
    expect(codes(report)).toContain('mixed-content')
  })

  it("checks the shop page's frame-src, fetched or given, with the exact line to add", async () => {
    const report = await diagnose('/open', { publicOrigin: hosted.url.replace('127.0.0.1', 'localhost'), shopPage: { url: `${hosted.url.replace('127.0.0.1', 'localhost')}/cart-strict` } })
    expect(report).toMatchObject({ embeddable: true, frameSrcAllowed: false, verdict: 'refused' })
    const refusal = report.findings.find((finding) => finding.code === 'frame-src-refused')
    expect(refusal?.fix).toBe(`Add \`frame-src 'self' ${hosted.url}\` to that policy.`)

    const given = await diagnose('/open', { shopPage: { url: 'http://shop.example/cart', headers: { 'content-security-policy': `frame-src ${hosted.url}` } } })
    expect(given).toMatchObject({ frameSrcAllowed: true, verdict: 'allowed' })
    expect(codes(given)).toContain('frame-src-allowed')
  })

  it('a shop page that cannot be read is a warning, not a verdict', async () => {
    const report = await diagnose('/open', { shopPage: { url: `${hosted.url}/gone` } })
    expect(report).toMatchObject({ frameSrcAllowed: undefined, verdict: 'allowed' })
    expect(codes(report)).toEqual(expect.arrayContaining(['shop-page-origin', 'shop-page-unreachable']))
  })

  it('sends no API key, no cookie and no credentials, only a plain GET', async () => {
    seen.length = 0
    await diagnose('/cross-origin-redirect')
    expect(seen).toHaveLength(2)
    for (const headers of seen) {
      expect(Object.keys(headers).filter((name) => /authorization|cookie|api-key|payfect/i.test(name))).toEqual([])
      expect(headers['user-agent']).toMatch(/^payfect-server\/\S+ \(framing check\)$/)
    }
  })

  it('bad options throw a PayfectConfigurationError that names the fix', async () => {
    await expect(diagnoseFraming({ checkoutUrl: `${hosted.url}/open`, publicOrigin: 'https://shop.example/cart' })).rejects.toThrow(PayfectConfigurationError)
    await expect(diagnoseFraming({ checkoutUrl: `${hosted.url}/open`, publicOrigin: 'shop.example' })).rejects.toThrow(/`publicOrigin` must be an origin.*new URL\(pageUrl\)\.origin/)
    await expect(diagnoseFraming({ checkoutUrl: 'javascript:alert(1)', publicOrigin: SHOP })).rejects.toThrow(/`checkoutUrl` must be an absolute http: or https: URL/)
    await expect(diagnoseFraming({ checkoutUrl: 'https://key:secret@buy.payfect.finance/c', publicOrigin: SHOP })).rejects.toThrow(/without user info.*got a URL with user info\.$/)
    await expect(diagnose('/open', { timeoutMs: 0 })).rejects.toThrow(/`timeoutMs` must be an integer of at least 1/)
  })

  it('prints a report a merchant can act on', async () => {
    const text = formatFramingReport(await diagnose('/deny'))
    expect(text.split('\n')).toEqual([
      `Can http://shop.example show ${hosted.url}/deny in a frame?`,
      '  ✗ The checkout page sends X-Frame-Options: DENY: no site may frame it, so the modal cannot show it.',
      '    fix: Use mode="popup" or mode="redirect" on the checkout button, or ask Payfect to allow http://shop.example in the checkout page\'s frame-ancestors.',
      "Result: no, the modal cannot show it (the checkout page's framing is decided by x-frame-options).",
    ])
  })
})
