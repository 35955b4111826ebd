import { describe, expect, it } from 'vitest'
import { checkFrameSrc } from '../../src/index'

const CHECKOUT = 'https://buy.payfect.finance/checkouts/ed8d24aa'
const CART = 'https://shop.example/cart'

function check(headers: HeadersInit, frameUrls: string[] = [CHECKOUT]) {
  return checkFrameSrc({ headers: new Headers(headers), pageUrl: CART, frameUrls })
}

describe("checkFrameSrc: does the shop's own CSP let its page frame the checkout?", () => {
  it('no policy, or one that allows the hosted origin, refuses nothing', () => {
    expect(check({})).toEqual([])
    expect(check({ 'content-security-policy': "default-src 'self'; frame-src https://buy.payfect.finance" })).toEqual([])
    expect(check({ 'content-security-policy': 'frame-src https:' })).toEqual([])
  })

  it('frame-src that leaves the hosted origin out: the fix keeps its sources and adds the origin', () => {
    expect(check({ 'content-security-policy': "frame-src 'self' https://www.youtube.com" })).toEqual([
      {
        policy: "frame-src 'self' https://www.youtube.com",
        directive: 'frame-src',
        sources: ["'self'", 'https://www.youtube.com'],
        url: CHECKOUT,
        fix: "frame-src 'self' https://www.youtube.com https://buy.payfect.finance",
      },
    ])
  })

  it('without frame-src, child-src decides, then default-src; the fix is a frame-src line without script keywords or \'none\'', () => {
    expect(check({ 'content-security-policy': "child-src 'none'; default-src *" })).toMatchObject([{ directive: 'child-src', fix: 'frame-src https://buy.payfect.finance' }])
    expect(check({ 'content-security-policy': "default-src 'self' 'unsafe-inline' 'nonce-abc' https://cdn.example" })).toMatchObject([
      { directive: 'default-src', fix: "frame-src 'self' https://cdn.example https://buy.payfect.finance" },
    ])
  })

  it('frame-src, when present, wins over a stricter default-src', () => {
    expect(check({ 'content-security-policy': "default-src 'none'; frame-src https://buy.payfect.finance" })).toEqual([])
  })

  it("'self' is the shop page's origin, not the checkout's", () => {
    expect(check({ 'content-security-policy': "frame-src 'self'" })).toHaveLength(1)
    expect(checkFrameSrc({ headers: new Headers({ 'content-security-policy': "frame-src 'self'" }), pageUrl: 'https://buy.payfect.finance/', frameUrls: [CHECKOUT] })).toEqual([])
  })

  it('a path is compared for the checkout URL, not after a redirect (as browsers do)', () => {
    expect(check({ 'content-security-policy': 'frame-src https://buy.payfect.finance/checkouts/' })).toEqual([])
    expect(check({ 'content-security-policy': 'frame-src https://buy.payfect.finance/other/' })).toHaveLength(1)
    const chain = [CHECKOUT, 'https://pay.example/somewhere/else']
    expect(check({ 'content-security-policy': 'frame-src https://buy.payfect.finance/checkouts/ https://pay.example/only' }, chain)).toEqual([])
  })

  it('every page of the redirect chain must be allowed; the fix names every origin', () => {
    const chain = [CHECKOUT, 'https://pay.example/c']
    expect(check({ 'content-security-policy': 'frame-src https://buy.payfect.finance' }, chain)).toMatchObject([
      { url: 'https://pay.example/c', fix: 'frame-src https://buy.payfect.finance https://pay.example' },
    ])
  })

  it('every enforced policy must allow; Report-Only ones are not read', () => {
    const refusals = check([
      ['content-security-policy', 'frame-src *'],
      ['content-security-policy', "default-src 'self'"],
      ['content-security-policy-report-only', "frame-src 'none'"],
    ])
    expect(refusals).toMatchObject([{ policy: "default-src 'self'", directive: 'default-src' }])
  })
})
