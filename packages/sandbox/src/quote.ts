import { fiatCode, type Rates } from './currencies'
import { divideDecimalUp, formatDecimal } from './decimal'

/** The USDT a shopper sends for a fiat amount: at the sandbox's rate, rounded up to the cent of a USDT. */
export interface UsdtQuote {
  /** The fiat amount due, as the checkout totals it (`"8800.00"`). */
  amount: string
  /** Its currency as the checkout has it (`"TWD"`, `"twd"`). */
  currency: string
  /** Units of that currency per 1 USDT (`"32.5"`). */
  rate: string
  /** `amount ÷ rate`, rounded up to 2 decimals (`"270.77"`). */
  usdt: string
}

/** USDT is quoted to the cent: every amount Payfect documents has 2 decimals. */
export const USDT_PLACES = 2

/** The quote of a fiat amount, or null for a checkout already in USDT. */
export function quoteUsdt(amount: string, currency: string, rate: string | null): UsdtQuote | null {
  if (rate === null || !fiatCode(currency)) return null
  return { amount, currency, rate, usdt: formatDecimal(divideDecimalUp(amount, rate, USDT_PLACES), USDT_PLACES) }
}

/** The rate a new checkout in `currency` is quoted at (locked at creation), or null for USDT. */
export function rateFor(currency: string, rates: Rates): string | null {
  const code = fiatCode(currency)
  return code ? rates[code] : null
}
