import { describe, expect, it } from 'vitest'
import { decideFraming } from '../../src/index'

const HOSTED = 'https://buy.payfect.finance/checkouts/ed8d24aa'
const SAME = 'https://buy.payfect.finance'
const SHOP = 'https://shop.example'

// X-Frame-Options as the HTML standard processes it: values split on commas (outside quotes),
// lowercased into a set; several distinct values with a known one among them refuse.
function xfo(values: string | string[], ancestor = SHOP) {
  const headers = new Headers((Array.isArray(values) ? values : [values]).map((value) => ['x-frame-options', value] as [string, string]))
  return decideFraming({ headers, pageUrl: HOSTED, ancestorOrigin: ancestor })
}

describe('X-Frame-Options (HTML standard processing model)', () => {
  it('DENY refuses every ancestor, whatever its case and surrounding spaces', () => {
    for (const value of ['DENY', 'deny', ' DeNy\t']) {
      expect(xfo(value)).toMatchObject({ allowed: false, decidedBy: 'x-frame-options', xFrameOptions: { kind: 'deny' } })
      expect(xfo(value, SAME).allowed).toBe(false)
    }
  })

  it('SAMEORIGIN allows only the page\'s own origin', () => {
    expect(xfo('SAMEORIGIN')).toMatchObject({ allowed: false, decidedBy: 'x-frame-options' })
    expect(xfo('sameorigin', SAME)).toMatchObject({ allowed: true, decidedBy: 'x-frame-options' })
    expect(xfo('SAMEORIGIN', 'http://buy.payfect.finance').allowed).toBe(false)
  })

  it('the same value repeated, in one header or several, counts once', () => {
    expect(xfo(['DENY', 'DENY']).xFrameOptions).toEqual({ kind: 'deny', values: ['deny'] })
    expect(xfo('SAMEORIGIN, sameorigin', SAME)).toMatchObject({ allowed: true, xFrameOptions: { kind: 'sameorigin' } })
  })

  it('conflicting values refuse every ancestor, the same origin too', () => {
    expect(xfo(['DENY', 'SAMEORIGIN'], SAME)).toMatchObject({ allowed: false, decidedBy: 'x-frame-options', xFrameOptions: { kind: 'conflicting' } })
    expect(xfo('SAMEORIGIN, ALLOWALL', SAME).allowed).toBe(false)
    expect(xfo('ALLOWALL, ALLOW-FROM https://shop.example').allowed).toBe(false)
    expect(xfo('SAMEORIGIN, nonsense', SAME).allowed).toBe(false)
  })

  it('a lone invalid value (ALLOW-FROM, ALLOWALL, empty) or several invalid ones are ignored', () => {
    for (const value of ['ALLOW-FROM https://shop.example', 'ALLOWALL', '', 'INVALID, ALSO-INVALID', '"DENY,SAMEORIGIN"']) {
      expect(xfo(value)).toMatchObject({ allowed: true, decidedBy: 'none', xFrameOptions: { kind: 'invalid' } })
    }
  })
})
