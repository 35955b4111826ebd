import { warn } from './warn'

const decimal = /^(-?)(\d+)(?:\.(\d+))?$/

/**
 * Formats a decimal string as an amount in a crypto currency: `("20.5", "usdt")`
 * → `"20.50 USDT"`. `Intl.NumberFormat` rejects crypto codes as currencies, so the
 * digits are formatted by `Intl` (grouping and the locale's decimal separator) and
 * the code is appended. The value never passes through a float: the integer part
 * is a `BigInt`, the fraction is kept digit for digit (at least two digits).
 *
 * @example
 * formatAmount('1234567890123456789.5', 'usdt', 'en') // "1,234,567,890,123,456,789.50 USDT"
 */
export function formatAmount(amount: string, currency: string, locale = 'en'): string {
  const code = currency.toUpperCase()
  const match = decimal.exec(amount.trim())
  if (!match) {
    if (process.env.NODE_ENV !== 'production') warn(`formatAmount received "${amount}", which is not a decimal string like "20.50". Showing it as is.`)
    return `${amount} ${code}`.trim()
  }
  const [, sign = '', whole = '0', fraction = ''] = match
  let format: Intl.NumberFormat
  try {
    format = new Intl.NumberFormat(locale, { useGrouping: true })
  } catch {
    format = new Intl.NumberFormat('en', { useGrouping: true })
  }
  const separator = format.formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.'
  const digits = fraction.replace(/0+$/, '').padEnd(2, '0')
  const isZero = /^0*$/.test(whole) && /^0*$/.test(fraction)
  return `${sign && !isZero ? '-' : ''}${format.format(BigInt(whole))}${separator}${digits} ${code}`.trim()
}
