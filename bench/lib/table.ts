// Prints bench rows as a plain-text table for the terminal and as Markdown for README.md.
import { formatValue, type BenchRow } from './result'

function cells(row: BenchRow): string[] {
  const ratio = Number.isFinite(row.ratio) ? `${row.ratio.toFixed(2)}×` : '—'
  const verdict = row.pass === undefined ? '' : row.pass ? '✓' : '✗'
  return [row.bench, row.metric, row.subject, formatValue(row.subjectValue, row.unit), row.baseline, formatValue(row.baselineValue, row.unit), ratio, row.target ?? '', verdict]
}

const header = ['bench', 'metric', 'subject', 'value', 'baseline', 'baseline value', 'ratio', 'target', 'ok']

export function textTable(rows: BenchRow[]): string {
  const table = [header, ...rows.map(cells)]
  const widths = header.map((_, column) => Math.max(...table.map((line) => line[column]!.length)))
  return table.map((line) => line.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n')
}

export function markdownTable(rows: BenchRow[]): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|')
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${cells(row).map(escape).join(' | ')} |`),
  ].join('\n')
}
