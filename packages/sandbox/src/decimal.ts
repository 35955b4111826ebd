/**
 * The sandbox's own exact decimals: amounts are decimal strings held as a BigInt
 * of units and a scale, never a float (`0.1 × 3` is `"0.30"`, not `0.30000000000000004`).
 */

const DECIMAL = /^(\d+)(?:\.(\d+))?$/

export interface Decimal {
  /** The value times 10^scale. */
  readonly units: bigint
  readonly scale: number
}

/** True for a non-negative decimal string: digits, optionally a point and more digits. No sign, exponent or spaces. */
export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL.test(value)
}

/** How many digits follow the point (`"20.50"` → 2, `"20"` → 0). */
export function decimalPlaces(value: string): number {
  return DECIMAL.exec(value)?.[2]?.length ?? 0
}

export function parseDecimal(value: string | Decimal): Decimal {
  if (typeof value !== 'string') return value
  const match = DECIMAL.exec(value)
  if (!match) throw new RangeError(`Sandbox: ${JSON.stringify(value)} is not a decimal string.`)
  const fraction = match[2] ?? ''
  return { units: BigInt(match[1]! + fraction), scale: fraction.length }
}

const rescale = (value: Decimal, scale: number): bigint => value.units * 10n ** BigInt(scale - value.scale)

/** The exact sum. */
export function addDecimals(values: Iterable<string | Decimal>): Decimal {
  const parsed = [...values].map(parseDecimal)
  const scale = Math.max(0, ...parsed.map((v) => v.scale))
  return { units: parsed.reduce((sum, v) => sum + rescale(v, scale), 0n), scale }
}

/** The exact product of an amount and a whole quantity. */
export function multiplyDecimal(value: string | Decimal, quantity: number): Decimal {
  const d = parseDecimal(value)
  return { units: d.units * BigInt(quantity), scale: d.scale }
}

/** At least `minFractionDigits` fraction digits, extra trailing zeros trimmed: `"20.5"` → `"20.50"`. */
export function formatDecimal(value: string | Decimal, minFractionDigits = 2): string {
  const d = parseDecimal(value)
  const digits = d.units.toString().padStart(d.scale + 1, '0')
  const whole = digits.slice(0, digits.length - d.scale)
  let fraction = digits.slice(digits.length - d.scale)
  while (fraction.length > minFractionDigits && fraction.endsWith('0')) fraction = fraction.slice(0, -1)
  fraction = fraction.padEnd(minFractionDigits, '0')
  return fraction ? `${whole}.${fraction}` : whole
}
