import { describe, expect, it } from 'vitest'
import { formatMoney, sum, times } from '../src/money'

describe('cart money', () => {
  it('multiplies and sums decimal strings exactly', () => {
    expect(times('1.10', 3)).toBe('3.30')
    expect(times('19.99', 7)).toBe('139.93')
    expect(sum(['0.1', '0.2'])).toBe('0.3')
    expect(sum([times('1.10', 3), '14.50', '0.05'])).toBe('17.85')
    expect(sum([])).toBe('0')
  })

  it('formats as digits and the crypto code', () => {
    expect(formatMoney('20.5', 'usdt')).toBe('20.50 USDT')
    expect(formatMoney('0', 'usdt')).toBe('0.00 USDT')
    expect(formatMoney('1234567.125', 'usdt')).toBe('1,234,567.125 USDT')
    expect(formatMoney('12345678901234567890.10', 'usdt')).toBe('12,345,678,901,234,567,890.10 USDT')
  })

  it('refuses what is not a decimal string', () => {
    expect(() => times('1e3', 1)).toThrow(/not a decimal string/)
    expect(() => sum(['-1'])).toThrow(/not a decimal string/)
  })
})
