// One row of `pnpm bench`: a figure of the subject, the same figure of a baseline measured in
// the same run, their ratio, and the target the ratio must meet (if the issue sets one).

export interface BenchRow {
  bench: string
  metric: string
  subject: string
  subjectValue: number
  baseline: string
  baselineValue: number
  unit: string
  /** subjectValue / baselineValue. */
  ratio: number
  /** e.g. `<= 1.10` or `>= 0.9` (on the ratio), `= 0` (on the subject's value); absent when the row is for comparison only. */
  target?: string
  pass?: boolean
  note?: string
}

/**
 * A row; `pairedRatio` (the median of per-round ratios, each taken between neighbouring runs)
 * replaces subjectValue / baselineValue when given: it is steadier on a noisy machine.
 */
export function row(fields: Omit<BenchRow, 'ratio' | 'pass'>, pairedRatio?: number): BenchRow {
  const ratio = pairedRatio ?? (fields.baselineValue === 0 ? Number.NaN : fields.subjectValue / fields.baselineValue)
  let pass: boolean | undefined
  if (fields.target) {
    const [op, value] = fields.target.split(' ') as ['<=' | '>=' | '=', string]
    if (op === '=') pass = fields.subjectValue === Number(value)
    else pass = op === '<=' ? ratio <= Number(value) : ratio >= Number(value)
  }
  return { ...fields, ratio, ...(pass === undefined ? {} : { pass }) }
}

export function formatValue(value: number, unit: string): string {
  if (unit === 'B') return `${(value / 1000).toFixed(2)} kB`
  if (unit === 'ms') return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`
  if (unit === 'req/s' || unit === 'op/s') return `${Math.round(value).toLocaleString('en-US')} ${unit}`
  return `${value} ${unit}`
}
