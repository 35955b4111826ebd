/**
 * Exact money on decimal strings for the browser: cart totals are summed as
 * BigInt units, never as floats (3 × 1.10 is 3.30, not 3.3000000000000003).
 */

const DECIMAL = /^(\d+)(?:\.(\d+))?$/

interface Units {
  units: bigint
  scale: number
}

function parse(value: string): Units {
  const match = DECIMAL.exec(value)
  if (!match) throw new RangeError(`${JSON.stringify(value)} is not a decimal string like "20.50".`)
  const fraction = match[2] ?? ''
  return { units: BigInt((match[1] ?? '0') + fraction), scale: fraction.length }
}

function toString({ units, scale }: Units): string {
  const digits = units.toString().padStart(scale + 1, '0')
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`
}

/** `unitAmount × quantity`, exactly: `times('19.99', 7)` → `"139.93"`. */
export function times(unitAmount: string, quantity: number): string {
  const { units, scale } = parse(unitAmount)
  return toString({ units: units * BigInt(quantity), scale })
}

/** The exact sum: `sum(['0.1', '0.2'])` → `"0.3"`. */
export function sum(amounts: readonly string[]): string {
  const parsed = amounts.map(parse)
  const scale = Math.max(0, ...parsed.map((p) => p.scale))
  const units = parsed.reduce((total, p) => total + p.units * 10n ** BigInt(scale - p.scale), 0n)
  return toString({ units, scale })
}

const grouping = new Intl.NumberFormat('en-US')

/**
 * `("20.5", "usdt")` → `"20.50 USDT"`. `Intl` refuses `USDT` as a currency code,
 * so the digits are grouped by `Intl` (as a BigInt) and the code appended.
 */
export function formatMoney(amount: string, currency: string): string {
  const { units, scale } = parse(amount)
  const digits = units.toString().padStart(scale + 1, '0')
  const whole = BigInt(scale === 0 ? digits : digits.slice(0, -scale))
  let fraction = scale === 0 ? '' : digits.slice(-scale)
  while (fraction.length > 2 && fraction.endsWith('0')) fraction = fraction.slice(0, -1)
  return `${grouping.format(whole)}.${fraction.padEnd(2, '0')} ${currency.toUpperCase()}`
}
