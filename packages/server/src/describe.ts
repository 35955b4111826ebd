/**
 * A short picture of a bad value for an error message: `"abc"` (cut at 40 characters),
 * `42`, `null`, `undefined`, `an array`, `a function`. Used only for values that are
 * never secrets (API keys and webhook secrets are not described, only judged).
 */
export function describe(value: unknown): string {
  const type = typeof value
  if (type === 'string') return JSON.stringify((value as string).length > 40 ? `${(value as string).slice(0, 40)}…` : value)
  if (value === null || (type !== 'object' && type !== 'function' && type !== 'symbol')) return String(value)
  return Array.isArray(value) ? 'an array' : `a ${type}`
}
