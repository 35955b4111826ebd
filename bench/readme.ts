// Prints the README "Benchmarks" table from bench/results.json (written by a full `pnpm bench`):
//   pnpm exec tsx bench/readme.ts
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { machine } from './lib/machine'
import { formatValue, type BenchRow } from './lib/result'

const results = JSON.parse(readFileSync(join(import.meta.dirname, 'results.json'), 'utf8')) as {
  startedAt: string
  machine: ReturnType<typeof machine>
  secondsPerBench: Record<string, number>
  rows: BenchRow[]
}
const { machine: host } = results
const seconds = Object.values(results.secondsPerBench).reduce((a, b) => a + b, 0)
const escape = (text: string) => text.replaceAll('|', '\\|')
const lines = [
  `Latest run: ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC on ${host.nproc} cores (\`nproc\`), ${host.cpu}, ${host.memoryGiB} GiB, Node ${host.node}, ${host.platform}; 1-minute load average ${host.loadAverage1m} at the start; ${Math.round(seconds)} s in all.`,
  '',
  '| bench | measure | Payfect | baseline (same run) | ratio | target |',
  '| --- | --- | --- | --- | --- | --- |',
  ...results.rows.map((row) => {
    const ratio = Number.isFinite(row.ratio) ? `${row.ratio.toFixed(2)}×` : '—'
    const target = row.target ? `${row.target} ${row.pass ? '✓' : '✗'}` : ''
    return `| ${row.bench} | ${escape(row.metric)} | ${escape(row.subject)}: **${formatValue(row.subjectValue, row.unit)}** | ${escape(row.baseline)}: ${formatValue(row.baselineValue, row.unit)} | ${ratio} | ${target} |`
  }),
]
console.info(lines.join('\n'))
