/**
 * Exact decimal arithmetic on money strings. Payfect sends and takes amounts
 * as decimal strings (`"20.5"`, `"20.00"`); a float would round `0.1 × 3` to
 * `0.30000000000000004`. Values are held as a BigInt of units and a scale.
 */

/** The largest number of fraction digits accepted; Payfect's own amounts use at most 18 (token decimals). */
export const MAX_FRACTION_DIGITS = 18

/** A non-negative decimal string: digits, optionally a point and 1 to 18 more digits. No sign, exponent or spaces. */
const DECIMAL = /^(\d+)(?:\.(\d{1,18}))?$/

export interface Decimal {
  /** The value times 10^scale. */
  readonly units: bigint
  /** How many fraction digits `units` carries. */
  readonly scale: number
}

/**
 * True for a non-negative decimal string such as `"20"`, `"20.5"` or `"0.000001"`.
 * Numbers, exponents (`"1e3"`), signs, blank or padded strings are refused.
 *
 * @example isDecimalString('20.50') // true
 * @example isDecimalString(20.5)    // false: send a string, never a float
 */
export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL.test(value)
}

/** Parses a decimal string; throws a `RangeError` naming the bad value otherwise. */
export function parseDecimal(value: string): Decimal {
  const match = DECIMAL.exec(value)
  if (!match) throw new RangeError(`${JSON.stringify(value)} is not a decimal string. Write digits and an optional point (at most 18 decimals), like "20.50".`)
  const fraction = match[2] ?? ''
  return { units: BigInt(match[1]! + fraction), scale: fraction.length }
}

const toDecimal = (value: string | Decimal): Decimal => (typeof value === 'string' ? parseDecimal(value) : value)

function rescale(value: Decimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale)
}

/** The exact sum of decimal strings, e.g. `addDecimals(['0.1', '0.2'])` → `{ units: 3n, scale: 1 }`. */
export function addDecimals(values: Iterable<string | Decimal>): Decimal {
  const parsed = [...values].map(toDecimal)
  const scale = Math.max(0, ...parsed.map((v) => v.scale))
  return { units: parsed.reduce((sum, v) => sum + rescale(v, scale), 0n), scale }
}

/** The exact product of a decimal string and a whole quantity: `multiplyDecimal('19.99', 7)` → 139.93. */
export function multiplyDecimal(value: string | Decimal, quantity: number | bigint): Decimal {
  if (typeof quantity === 'number' && !Number.isSafeInteger(quantity)) {
    throw new RangeError(`quantity must be a whole number (got ${quantity}).`)
  }
  const d = toDecimal(value)
  return { units: d.units * BigInt(quantity), scale: d.scale }
}

/**
 * Formats a decimal with at least `minFractionDigits` fraction digits, trimming
 * extra trailing zeros beyond that, as Payfect does: `"20.5"` → `"20.50"`.
 *
 * @defaultValue minFractionDigits 2
 */
export function formatDecimal(value: string | Decimal, minFractionDigits = 2): string {
  const d = toDecimal(value)
  const digits = d.units.toString().padStart(d.scale + 1, '0')
  const whole = digits.slice(0, digits.length - d.scale)
  let fraction = digits.slice(digits.length - d.scale)
  while (fraction.length > minFractionDigits && fraction.endsWith('0')) fraction = fraction.slice(0, -1)
  fraction = fraction.padEnd(minFractionDigits, '0')
  return fraction ? `${whole}.${fraction}` : whole
}

/** Compares two decimal strings: negative, zero or positive like `Array#sort` wants. */
export function compareDecimals(a: string | Decimal, b: string | Decimal): number {
  const x = toDecimal(a)
  const y = toDecimal(b)
  const scale = Math.max(x.scale, y.scale)
  const diff = rescale(x, scale) - rescale(y, scale)
  return diff < 0n ? -1 : diff > 0n ? 1 : 0
}
