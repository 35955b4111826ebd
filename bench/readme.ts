// Writes the "Latest full run" table of bench/README.md from bench/results.json. A full
// `pnpm bench` calls it; `pnpm exec tsx bench/readme.ts` rewrites it from the saved results.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { machine } from './lib/machine'
import { formatValue, type BenchRow } from './lib/result'

export interface BenchResults {
  startedAt: string
  machine: ReturnType<typeof machine>
  secondsPerBench: Record<string, number>
  rows: BenchRow[]
}

const readme = join(import.meta.dirname, 'README.md')
const escape = (text: string) => text.replaceAll('|', '\\|')

/** The table, with the machine it ran on. */
export function benchTable({ startedAt, machine: host, secondsPerBench, rows }: BenchResults): string {
  const seconds = Object.values(secondsPerBench).reduce((a, b) => a + b, 0)
  return [
    `${startedAt.slice(0, 16).replace('T', ' ')} UTC on ${host.nproc} cores (\`nproc\`), ${host.cpu}, ${host.memoryGiB} GiB, Node ${host.node}, ${host.platform}; 1-minute load average ${host.loadAverage1m} at the start; ${Math.round(seconds)} s in all.`,
    '',
    '| bench | measure | Payfect | baseline (same run) | ratio | target |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => {
      const ratio = Number.isFinite(row.ratio) ? `${row.ratio.toFixed(2)}×` : '—'
      const target = row.target ? `${row.target} ${row.pass ? '✓' : '✗'}` : ''
      return `| ${row.bench} | ${escape(row.metric)} | ${escape(row.subject)}: **${formatValue(row.subjectValue, row.unit)}** | ${escape(row.baseline)}: ${formatValue(row.baselineValue, row.unit)} | ${ratio} | ${target} |`
    }),
  ].join('\n')
}

/** Replaces the table between the markers of bench/README.md. */
export function writeBenchReadme(results: BenchResults): void {
  const text = readFileSync(readme, 'utf8')
  const table = /(<!-- bench-table:start -->\n)[\s\S]*?(<!-- bench-table:end -->)/
  if (!table.test(text)) throw new Error('bench/README.md has lost its <!-- bench-table:start/end --> markers.')
  writeFileSync(readme, text.replace(table, (_, start: string, end: string) => `${start}${benchTable(results)}\n${end}`))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeBenchReadme(JSON.parse(readFileSync(join(import.meta.dirname, 'results.json'), 'utf8')) as BenchResults)
  console.info('Wrote the table of bench/README.md from bench/results.json')
}
