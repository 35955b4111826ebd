import { describe, expect, it } from 'vitest'
import { decideFraming, PayfectConfigurationError } from '../../src/index'

const HOSTED = 'https://buy.payfect.finance/checkouts/ed8d24aa'
const SHOP = 'https://shop.example'

/** May `ancestor` frame a page from `page` that sends `Content-Security-Policy: frame-ancestors <sources>`? */
function ancestors(sources: string, ancestor = SHOP, page = HOSTED): boolean {
  const decision = decideFraming({ headers: new Headers({ 'content-security-policy': `frame-ancestors ${sources}` }), pageUrl: page, ancestorOrigin: ancestor })
  expect(decision.decidedBy).toBe('content-security-policy')
  return decision.allowed
}

describe('frame-ancestors source lists (CSP3 "Does url match source list")', () => {
  it("'none' refuses every ancestor, the page's own origin too; 'none' beside another source is ignored", () => {
    expect(ancestors("'none'")).toBe(false)
    expect(ancestors("'none'", 'https://buy.payfect.finance')).toBe(false)
    expect(ancestors("'NONE'")).toBe(false)
    expect(ancestors("'none' https://shop.example")).toBe(true)
  })

  it('an empty frame-ancestors refuses every ancestor', () => {
    const decision = decideFraming({ headers: new Headers({ 'content-security-policy': 'frame-ancestors; script-src *' }), pageUrl: HOSTED, ancestorOrigin: SHOP })
    expect(decision).toMatchObject({ allowed: false, decidedBy: 'content-security-policy' })
  })

  it("'self' means the framed page's origin, case-insensitively, and upgrades http to https on the same host and port", () => {
    expect(ancestors("'self'")).toBe(false)
    expect(ancestors("'self'", 'https://buy.payfect.finance')).toBe(true)
    expect(ancestors("'SELF'", 'https://buy.payfect.finance')).toBe(true)
    expect(ancestors("'self'", 'https://pay.example', 'http://pay.example/c')).toBe(true)
    expect(ancestors("'self'", 'http://pay.example', 'https://pay.example/c')).toBe(false)
    expect(ancestors("'self'", 'https://pay.example:8443', 'https://pay.example/c')).toBe(false)
    expect(ancestors("'self'", 'http://localhost:3000', 'http://localhost:4000/c')).toBe(false)
  })

  it('* allows every http(s) ancestor', () => {
    expect(ancestors('*')).toBe(true)
    expect(ancestors('*', 'http://shop.example')).toBe(true)
    expect(ancestors('*', 'http://127.0.0.1:3000')).toBe(true)
  })

  it('a scheme-source allows its scheme, and http: also allows https (never the other way)', () => {
    expect(ancestors('https:')).toBe(true)
    expect(ancestors('HTTPS:')).toBe(true)
    expect(ancestors('https:', 'http://shop.example')).toBe(false)
    expect(ancestors('http:', 'https://shop.example')).toBe(true)
    expect(ancestors('wss:', 'https://shop.example')).toBe(true)
    expect(ancestors('data:')).toBe(false)
  })

  it('a host-source with a scheme allows that scheme and its secure upgrade', () => {
    expect(ancestors('https://shop.example')).toBe(true)
    expect(ancestors('HTTPS://SHOP.EXAMPLE')).toBe(true)
    expect(ancestors('https://shop.example', 'http://shop.example')).toBe(false)
    expect(ancestors('http://shop.example', 'https://shop.example')).toBe(true)
    expect(ancestors('https://other.example https://shop.example')).toBe(true)
    expect(ancestors('https://other.example')).toBe(false)
  })

  it("a schemeless host-source takes the framed page's scheme: an http ancestor misses it under an https page", () => {
    expect(ancestors('shop.example')).toBe(true)
    expect(ancestors('shop.example', 'http://shop.example')).toBe(false)
    expect(ancestors('shop.example', 'http://shop.example', 'http://pay.example/c')).toBe(true)
    expect(ancestors('shop.example', 'https://shop.example', 'http://pay.example/c')).toBe(true)
  })

  it('*. matches any subdomain, at any depth, but not the domain itself; * alone matches any host', () => {
    expect(ancestors('*.shop.example', 'https://www.shop.example')).toBe(true)
    expect(ancestors('*.shop.example', 'https://a.b.shop.example')).toBe(true)
    expect(ancestors('*.shop.example', 'https://shop.example')).toBe(false)
    expect(ancestors('*.shop.example', 'https://evilshop.example')).toBe(false)
    expect(ancestors('https://*.SHOP.example', 'https://www.shop.example')).toBe(true)
    expect(ancestors('https://*')).toBe(true)
    expect(ancestors('https://*', 'http://shop.example')).toBe(false)
  })

  it('host names must match exactly: no trailing-dot or partial matches', () => {
    expect(ancestors('shop.example.')).toBe(false)
    expect(ancestors('hop.example')).toBe(false)
    expect(ancestors('www.shop.example')).toBe(false)
  })

  it('no port means the default port; :* means any; a default port written out still matches', () => {
    expect(ancestors('https://shop.example', 'https://shop.example:8443')).toBe(false)
    expect(ancestors('https://shop.example:8443', 'https://shop.example:8443')).toBe(true)
    expect(ancestors('https://shop.example:8443')).toBe(false)
    expect(ancestors('https://shop.example:*', 'https://shop.example:8443')).toBe(true)
    expect(ancestors('https://shop.example:*')).toBe(true)
    expect(ancestors('https://shop.example:443')).toBe(true)
    expect(ancestors('shop.example:443')).toBe(true)
    expect(ancestors('http://localhost:3000', 'http://localhost:3000', 'http://localhost:4000/c')).toBe(true)
    expect(ancestors('http://localhost:3001', 'http://localhost:3000', 'http://localhost:4000/c')).toBe(false)
  })

  it('CSP3 has no port upgrade: http://host:80 does not match https://host', () => {
    expect(ancestors('http://shop.example:80')).toBe(false)
    expect(ancestors('http://shop.example')).toBe(true)
  })

  it('an ancestor is an origin (its path is "/"), so only an empty or "/" path can match', () => {
    expect(ancestors('https://shop.example/')).toBe(true)
    expect(ancestors('https://shop.example/cart')).toBe(false)
    expect(ancestors('https://shop.example/cart/')).toBe(false)
  })

  it("host-sources match domains, and of IP addresses only 127.0.0.1 written out; * and 'self' still match", () => {
    expect(ancestors('http://192.168.1.10:3000', 'http://192.168.1.10:3000')).toBe(false)
    expect(ancestors('http://[::1]:3000', 'http://[::1]:3000')).toBe(false)
    expect(ancestors('http://127.0.0.1:3000', 'http://127.0.0.1:3000')).toBe(true)
    expect(ancestors('http://*:3000', 'http://127.0.0.1:3000')).toBe(false)
    expect(ancestors('*', 'http://192.168.1.10:3000')).toBe(true)
    expect(ancestors("'self'", 'http://192.168.1.10:3000', 'http://192.168.1.10:3000/c')).toBe(true)
  })

  it('expressions that are no ancestor-source (keywords, nonces, quoted URLs) match nothing', () => {
    expect(ancestors("'unsafe-inline'")).toBe(false)
    expect(ancestors("'nonce-abc123'")).toBe(false)
    expect(ancestors("'https://shop.example'")).toBe(false)
    expect(ancestors('"https://shop.example"')).toBe(false)
    expect(ancestors('https://shop.example:port')).toBe(false)
  })
})

describe('several policies and repeated headers', () => {
  const decide = (headers: HeadersInit, ancestor = SHOP) => decideFraming({ headers: new Headers(headers), pageUrl: HOSTED, ancestorOrigin: ancestor })

  it('every enforced frame-ancestors must allow: repeated headers and comma-joined policies alike', () => {
    expect(decide([['content-security-policy', 'frame-ancestors *'], ['content-security-policy', "frame-ancestors 'self'"]]).allowed).toBe(false)
    expect(decide({ 'content-security-policy': 'frame-ancestors *, frame-ancestors https://other.example' }).allowed).toBe(false)
    expect(decide({ 'content-security-policy': 'frame-ancestors *, frame-ancestors https://shop.example' }).allowed).toBe(true)
    expect(decide({ 'content-security-policy': "default-src 'self', frame-ancestors https://shop.example" }).allowed).toBe(true)
  })

  it('within a policy the first frame-ancestors wins, and directive names are case-insensitive', () => {
    expect(decide({ 'content-security-policy': "frame-ancestors https://shop.example; frame-ancestors 'none'" }).allowed).toBe(true)
    expect(decide({ 'content-security-policy': "FRAME-ANCESTORS 'none'" })).toMatchObject({ allowed: false, decidedBy: 'content-security-policy' })
  })

  it('reports every enforced directive, and which one leaves the ancestor out', () => {
    const decision = decide([['content-security-policy', 'frame-ancestors https://shop.example'], ['content-security-policy', "script-src 'self'; frame-ancestors 'self'"]])
    expect(decision.frameAncestors).toEqual([
      { policy: 'frame-ancestors https://shop.example', sources: ['https://shop.example'], allows: true },
      { policy: "script-src 'self'; frame-ancestors 'self'", sources: ["'self'"], allows: false },
    ])
  })
})

describe('frame-ancestors overrides X-Frame-Options; Report-Only decides nothing', () => {
  const decide = (headers: HeadersInit, ancestor = SHOP) => decideFraming({ headers: new Headers(headers), pageUrl: HOSTED, ancestorOrigin: ancestor })

  it('an enforced frame-ancestors that allows the shop wins over X-Frame-Options: DENY', () => {
    expect(decide({ 'content-security-policy': 'frame-ancestors https://shop.example', 'x-frame-options': 'DENY' })).toMatchObject({ allowed: true, decidedBy: 'content-security-policy' })
  })

  it('an enforced frame-ancestors that leaves the shop out wins over a same-origin X-Frame-Options', () => {
    expect(decide({ 'content-security-policy': "frame-ancestors 'none'", 'x-frame-options': 'SAMEORIGIN' }, 'https://buy.payfect.finance')).toMatchObject({ allowed: false, decidedBy: 'content-security-policy' })
  })

  it('a policy without frame-ancestors leaves the decision to X-Frame-Options', () => {
    expect(decide({ 'content-security-policy': "default-src 'self'", 'x-frame-options': 'DENY' })).toMatchObject({ allowed: false, decidedBy: 'x-frame-options' })
  })

  it('Content-Security-Policy-Report-Only neither refuses nor overrides', () => {
    expect(decide({ 'content-security-policy-report-only': "frame-ancestors 'none'" })).toMatchObject({ allowed: true, decidedBy: 'none' })
    expect(decide({ 'content-security-policy-report-only': 'frame-ancestors *', 'x-frame-options': 'DENY' })).toMatchObject({ allowed: false, decidedBy: 'x-frame-options' })
  })

  it('no header at all: any origin may frame the page', () => {
    expect(decide({})).toMatchObject({ allowed: true, decidedBy: 'none', frameAncestors: [], xFrameOptions: { kind: 'absent' } })
  })
})

describe('bad input', () => {
  it('throws a PayfectConfigurationError that names the option and the fix', () => {
    expect(() => decideFraming({ headers: new Headers(), pageUrl: HOSTED, ancestorOrigin: 'https://shop.example/cart' })).toThrow(PayfectConfigurationError)
    expect(() => decideFraming({ headers: new Headers(), pageUrl: HOSTED, ancestorOrigin: 'shop.example' })).toThrow(/`ancestorOrigin` must be an origin.*like https:\/\/shop\.example/)
    expect(() => decideFraming({ headers: new Headers(), pageUrl: '/checkouts/1', ancestorOrigin: SHOP })).toThrow(/`pageUrl` must be an absolute http: or https: URL/)
  })
})
