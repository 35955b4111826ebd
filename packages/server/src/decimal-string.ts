/**
 * True for a non-negative decimal string such as `"20"`, `"20.5"` or `"0.000001"` (at most 18
 * decimals): what Payfect takes as an amount. Numbers, exponents, signs and padding are refused.
 */
export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && /^\d+(?:\.\d{1,18})?$/.test(value)
}
