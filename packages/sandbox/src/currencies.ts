import { isDecimalString } from './decimal'

/**
 * The currencies Payfect's material sends: `usdt`, and the fiat `TWD` and `CNY` in
 * upper or lower case (the docs send `"CNY"`/`"TWD"`, the Python SDK `"twd"`).
 * Other codes stay refused until Payfect documents them.
 */
export const CURRENCIES = ['usdt', 'twd', 'TWD', 'cny', 'CNY'] as const

/** The fiat codes, upper case: the keys of a rate table. */
export const FIAT_CURRENCIES = ['TWD', 'CNY'] as const
export type FiatCurrency = (typeof FIAT_CURRENCIES)[number]

/** Units of fiat per 1 USDT; the sandbox's own figures, not a market quote. */
export type Rates = Readonly<Record<FiatCurrency, string>>

/** The rates a sandbox quotes at unless told otherwise (`--rate TWD=32.5`, `startSandbox({ rates })`). */
export const DEFAULT_RATES: Rates = { TWD: '32.5', CNY: '7.2' }

/** `TWD`, `twd` → `TWD`; `usdt` → undefined. */
export function fiatCode(currency: string): FiatCurrency | undefined {
  const code = currency.toUpperCase()
  return (FIAT_CURRENCIES as readonly string[]).includes(code) ? (code as FiatCurrency) : undefined
}

/** One currency however it is spelled: `TWD` and `twd` are the same money. */
export const sameCurrency = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()

/**
 * Reads a rate table: keys `TWD`/`CNY` in any case, values positive decimal strings with at
 * most 8 decimals (a rate is not a float either). Missing currencies keep their default.
 * Throws a message naming the bad entry.
 */
export function parseRates(input: unknown, where: string): Rates {
  if (input === undefined) return DEFAULT_RATES
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TypeError(`${where} must be an object like { TWD: '32.5', CNY: '7.2' } (units of the currency per 1 USDT).`)
  }
  const rates: Record<FiatCurrency, string> = { ...DEFAULT_RATES }
  for (const [key, value] of Object.entries(input)) {
    const code = fiatCode(key)
    if (!code) throw new TypeError(`${where}: "${key.slice(0, 20)}" is not a fiat currency the sandbox takes; give rates for ${FIAT_CURRENCIES.join(' or ')}.`)
    rates[code] = checkRate(value, `${where}.${code}`)
  }
  return rates
}

/** A rate as a decimal string: positive, at most 8 decimals and 12 whole digits. */
export function checkRate(value: unknown, where: string): string {
  if (typeof value === 'number') throw new TypeError(`${where} must be a decimal string like '32.5', not the number ${value}: rates are exact decimals here.`)
  if (!isDecimalString(value) || !/^\d{1,12}(\.\d{1,8})?$/.test(value) || /^0+(\.0+)?$/.test(value)) {
    throw new TypeError(`${where} must be a positive decimal string like '32.5' (units per 1 USDT, at most 8 decimals); got ${JSON.stringify(value)?.slice(0, 40)}.`)
  }
  return value
}
