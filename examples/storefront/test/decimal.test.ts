import { describe, expect, it } from 'vitest'
import { addDecimals, compareDecimals, formatDecimal, isDecimalString, multiplyDecimal, parseDecimal } from '../server/decimal'

describe('decimal strings', () => {
  it('accepts plain decimal strings only', () => {
    for (const ok of ['0', '20', '20.5', '20.00', '0.000001', '99999999999999999999.99']) expect(isDecimalString(ok), ok).toBe(true)
    for (const bad of [20.5, 20, '', ' 1', '1 ', '-1', '+1', '1e3', '1.', '.5', '1,5', 'NaN', 'Infinity', '0x10', '1.1234567890123456789', null, undefined])
      expect(isDecimalString(bad), String(bad)).toBe(false)
  })

  it('adds without float error', () => {
    expect(formatDecimal(addDecimals(['0.1', '0.2']))).toBe('0.30')
    expect(formatDecimal(addDecimals(['20.5', '0.125', '1']))).toBe('21.625')
    expect(formatDecimal(addDecimals([]))).toBe('0.00')
  })

  it('multiplies by whole quantities exactly', () => {
    expect(formatDecimal(multiplyDecimal('0.1', 3))).toBe('0.30')
    expect(formatDecimal(multiplyDecimal('19.99', 7))).toBe('139.93')
    expect(formatDecimal(multiplyDecimal('99999999.99', 10000))).toBe('999999999900.00')
    expect(formatDecimal(multiplyDecimal('12345678901234567.89', 10000n))).toBe('123456789012345678900.00')
    expect(() => multiplyDecimal('1', 1.5)).toThrow(/whole number/)
  })

  it('formats as the API does', () => {
    expect(formatDecimal('20.5')).toBe('20.50')
    expect(formatDecimal('20')).toBe('20.00')
    expect(formatDecimal('0.000001')).toBe('0.000001')
    expect(formatDecimal('7.1000')).toBe('7.10')
    expect(formatDecimal('007.1', 0)).toBe('7.1')
    expect(formatDecimal('5.000', 0)).toBe('5')
  })

  it('compares', () => {
    expect(compareDecimals('1.10', '1.1')).toBe(0)
    expect(compareDecimals('0.99', '1')).toBe(-1)
    expect(compareDecimals('10', '9.999')).toBe(1)
  })

  it('refuses a bad string with a message that says how to write one', () => {
    expect(() => parseDecimal('1e3')).toThrow(/"1e3" is not a decimal string.*"20.50"/)
  })
})
