import { warn } from './warn'

const decimal = /^(-?)(\d+)(?:\.(\d+))?$/

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, options)
  } catch {
    return new Intl.NumberFormat('en', options)
  }
}

let isoCodes: Set<string> | undefined
/** An ISO 4217 code the runtime knows (`TWD`, `CNY`): formatted as money. Crypto codes (`USDT`, `TRX`) are not ISO. */
function isFiat(code: string): boolean {
  isoCodes ??= new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['TWD', 'CNY', 'USD'])
  return isoCodes.has(code)
}

/**
 * Formats a decimal string as money, digit for digit: the value never passes through a float
 * and is never rounded. Fiat gets the locale's symbol and grouping (`NT$1,500.00`, `CN¥88.00`);
 * crypto gets the grouped digits and its code (`20.50 USDT`), at least two fraction digits.
 *
 * @example
 * formatAmount('1500', 'TWD', 'en') // "NT$1,500.00"
 * formatAmount('20.5', 'usdt', 'zh-TW') // "20.50 USDT"
 */
export function formatAmount(amount: string, currency: string, locale = 'en'): string {
  const code = currency.toUpperCase()
  const match = decimal.exec(amount.trim())
  if (!match) {
    if (process.env.NODE_ENV !== 'production') warn(`formatAmount received "${amount}", which is not a decimal string like "20.50". Showing it as is.`)
    return `${amount} ${code}`.trim()
  }
  const [, sign = '', whole = '0', fraction = ''] = match
  const negative = sign && !(/^0*$/.test(whole) && /^0*$/.test(fraction)) ? '-' : ''
  const fiat = isFiat(code)
  const integer = numberFormat(locale, fiat ? { style: 'currency', currency: code, maximumFractionDigits: 0 } : { maximumFractionDigits: 0 })
  const separator = numberFormat(locale, { minimumFractionDigits: 1 }).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.'
  const digits = fraction.replace(/0+$/, '').padEnd(fiat ? (minorUnits(code) ?? 2) : 2, '0')
  const parts = integer.formatToParts(BigInt(whole))
  // The fraction goes right after the last digit group, before any trailing symbol or literal.
  const last = parts.findLastIndex((part) => part.type === 'integer')
  const head = parts.slice(0, last + 1).map((part) => part.value).join('')
  const tail = parts.slice(last + 1).map((part) => part.value).join('')
  const number = `${head}${digits ? `${separator}${digits}` : ''}${tail}`
  return fiat ? `${negative}${number}` : `${negative}${number} ${code}`.trim()
}

/** The number of minor units (fraction digits) of an ISO currency, or `undefined` for crypto and unknown codes. */
export function minorUnits(currency: string): number | undefined {
  const code = currency.toUpperCase()
  return isFiat(code) ? numberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits : undefined
}
