import { describe, expect, it } from 'vitest'
import { PayfectAPIError } from '../src/errors'
import { parsePayfectTime } from '../src/time'

describe('parsePayfectTime', () => {
  it('reads Unix seconds with a fraction, as createdAt/updatedAt come', () => {
    expect(parsePayfectTime('1690532072.288761').toISOString()).toBe('2023-07-28T08:14:32.288Z')
    expect(parsePayfectTime('1690532072').toISOString()).toBe('2023-07-28T08:14:32.000Z')
    expect(parsePayfectTime('1690532072.5').toISOString()).toBe('2023-07-28T08:14:32.500Z')
  })

  it('reads Unix milliseconds in a string, as expiresAt sometimes comes', () => {
    expect(parsePayfectTime('1703939166000').toISOString()).toBe('2023-12-30T12:26:06.000Z')
    expect(parsePayfectTime('1703939166123').getTime()).toBe(1703939166123)
  })

  it('reads ISO-8601 with Z, with an offset, without a zone (as UTC), and with a space for T', () => {
    expect(parsePayfectTime('2023-12-30T12:26:06Z').getTime()).toBe(1703939166000)
    expect(parsePayfectTime('2023-12-30T12:26:06.123456Z').getTime()).toBe(1703939166123)
    expect(parsePayfectTime('2023-12-30T14:26:06+02:00').getTime()).toBe(1703939166000)
    expect(parsePayfectTime('2023-12-30T14:26:06+0200').getTime()).toBe(1703939166000)
    expect(parsePayfectTime('2023-12-30T12:26:06').getTime()).toBe(1703939166000)
    expect(parsePayfectTime('2023-12-30 12:26:06+00:00').getTime()).toBe(1703939166000)
    expect(parsePayfectTime('2023-12-30').toISOString()).toBe('2023-12-30T00:00:00.000Z')
  })

  it.each(['', '   ', 'soon', '12ab', '1.2.3', '-1690532072', '1e9', '2023-02-30T00:00:00Z', '2023-13-01', '2023-12-30T25:00:00Z', 'Sat, 30 Dec 2023 12:26:06 GMT', '99999999999999999'])(
    'refuses %j with a typed error naming the accepted forms',
    (value) => {
      expect(() => parsePayfectTime(value)).toThrow(PayfectAPIError)
      expect(() => parsePayfectTime(value)).toThrow(/not a Payfect timestamp.*Unix seconds.*ISO-8601/)
    },
  )

  it('refuses non-strings given through an untyped path', () => {
    expect(() => parsePayfectTime(null as unknown as string)).toThrow(/null is not a Payfect timestamp/)
    expect(() => parsePayfectTime(1703939166000 as unknown as string)).toThrow(PayfectAPIError)
  })
})
