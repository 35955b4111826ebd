// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'
import { formatAmount, minorUnits } from '../../src/core/format-amount'

describe('formatAmount', () => {
  it('shows at least two fraction digits and the code in upper case', () => {
    expect(formatAmount('20.5', 'usdt')).toBe('20.50 USDT')
    expect(formatAmount('20', 'usdt')).toBe('20.00 USDT')
    expect(formatAmount('20.00', 'usdt', 'zh-TW')).toBe('20.00 USDT')
    expect(formatAmount('0.000001', 'usdt')).toBe('0.000001 USDT')
    expect(formatAmount('1.230000', 'trx')).toBe('1.23 TRX')
  })

  it('groups the integer part by locale', () => {
    expect(formatAmount('1234567.5', 'usdt', 'en')).toBe('1,234,567.50 USDT')
    expect(formatAmount('1234567.5', 'usdt', 'de')).toBe('1.234.567,50 USDT')
  })

  it('never loses digits to a float', () => {
    expect(formatAmount('123456789012345678901234.123456789012', 'usdt')).toBe('123,456,789,012,345,678,901,234.123456789012 USDT')
    expect(formatAmount('9007199254740993.01', 'usdt')).toBe('9,007,199,254,740,993.01 USDT')
  })

  it('keeps a negative sign but not on zero', () => {
    expect(formatAmount('-5.1', 'usdt')).toBe('-5.10 USDT')
    expect(formatAmount('-0.00', 'usdt')).toBe('0.00 USDT')
  })

  it('shows a malformed amount as is and warns in development', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(formatAmount('1e3', 'usdt')).toBe('1e3 USDT')
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[@payfect\/react\] formatAmount received "1e3"/))
    warn.mockRestore()
  })

  it('falls back to English digits for an invalid locale', () => {
    expect(formatAmount('1000', 'usdt', 'not_a_locale!')).toBe('1,000.00 USDT')
  })
})

describe('formatAmount in fiat', () => {
  it.each([
    ['1500', 'TWD', 'en', 'NT$1,500.00'],
    ['1500', 'twd', 'zh-TW', '$1,500.00'],
    ['88', 'CNY', 'en', 'CN¥88.00'],
    ['88', 'cny', 'zh-TW', 'CN¥88.00'],
    ['0.01', 'TWD', 'en', 'NT$0.01'],
    ['0.01', 'CNY', 'zh-TW', 'CN¥0.01'],
    ['99999999.99', 'TWD', 'en', 'NT$99,999,999.99'],
    ['99999999.99', 'CNY', 'zh-TW', 'CN¥99,999,999.99'],
  ])('%s %s in %s → %s', (amount, currency, locale, expected) => {
    expect(formatAmount(amount, currency, locale)).toBe(expected)
  })

  it('keeps USDT as digits and a code in both locales, including the extremes', () => {
    expect(formatAmount('0.01', 'usdt', 'en')).toBe('0.01 USDT')
    expect(formatAmount('99999999.99', 'usdt', 'en')).toBe('99,999,999.99 USDT')
    expect(formatAmount('0.01', 'usdt', 'zh-TW')).toBe('0.01 USDT')
    expect(formatAmount('99999999.99', 'usdt', 'zh-TW')).toBe('99,999,999.99 USDT')
  })

  it('never rounds: digits beyond the minor units are shown as given', () => {
    expect(formatAmount('1500.005', 'TWD', 'en')).toBe('NT$1,500.005')
    expect(formatAmount('9007199254740993.01', 'TWD', 'en')).toBe('NT$9,007,199,254,740,993.01')
  })

  it('follows the locale’s separators and symbol placement', () => {
    expect(formatAmount('1234.5', 'TWD', 'de')).toBe('1.234,50\u00a0NT$')
  })

  it('knows the minor units of fiat, none of crypto', () => {
    expect(minorUnits('TWD')).toBe(2)
    expect(minorUnits('jpy')).toBe(0)
    expect(minorUnits('usdt')).toBeUndefined()
  })
})
