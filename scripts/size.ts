// `pnpm size`: the bundle budgets, enforced. Prints a table and exits 1 when any figure is
// over its budget (and then names the heaviest modules from esbuild's metafile).
// `--json` prints the figures as JSON instead. Run `pnpm build` first.
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { budgets, informational } from './size/budgets'
import { heaviestInputs, kB, measure, type Measurement } from './size/measure'

const asJson = process.argv.includes('--json')
const rows: Array<{ id: string; label: string; gzip: number; minified: number; lazyGzip: number; limit?: number; target?: number; ok: boolean }> = []
const over: Array<{ id: string; measurement: Measurement }> = []

for (const budget of budgets) {
  if (!existsSync(join(budget.packageDir, 'dist/index.js'))) {
    console.error(`size: ${relative(process.cwd(), budget.packageDir)}/dist/index.js is missing — run \`pnpm build\` first.`)
    process.exit(1)
  }
  const measurement = await measure(budget.options)
  const ok = measurement.gzip <= budget.limit
  rows.push({ id: budget.id, label: budget.label, gzip: measurement.gzip, minified: measurement.minified, lazyGzip: measurement.lazyGzip, limit: budget.limit, target: budget.target, ok })
  if (!ok) over.push({ id: budget.id, measurement })
}

for (const item of informational) {
  const measurement = await measure(item.options)
  const at = rows.findIndex((row) => row.id === 'server-edge') + 1 + rows.filter((row) => row.id.startsWith('server-edge-')).length
  rows.splice(at, 0, { id: item.id, label: item.label, gzip: measurement.gzip, minified: measurement.minified, lazyGzip: measurement.lazyGzip, ok: true })
}

if (asJson) {
  console.info(JSON.stringify(rows, null, 2))
} else {
  const width = Math.max(...rows.map((row) => row.label.length))
  console.info(`${'bundle'.padEnd(width)}  ${'min'.padStart(9)}  ${'min+gz'.padStart(9)}  ${'limit'.padStart(9)}  ${'used'.padStart(5)}     ${'goal'.padStart(9)}`)
  for (const row of rows) {
    const lazy = row.lazyGzip ? `  (+${kB(row.lazyGzip)} gz loaded lazily)` : ''
    const budget = row.limit === undefined ? ['—', '', ''] : [kB(row.limit), `${Math.round((row.gzip / row.limit) * 100)}%`, row.ok ? '✓' : '✗ OVER']
    const goal = row.target === undefined ? '' : `${kB(row.target).padStart(9)} ${row.gzip <= row.target ? 'met' : `not met (${(row.gzip / row.target).toFixed(2)}×)`}`
    console.info(`${row.label.padEnd(width)}  ${kB(row.minified).padStart(9)}  ${kB(row.gzip).padStart(9)}  ${budget[0]!.padStart(9)}  ${budget[1]!.padStart(5)} ${budget[2]!.padEnd(6)} ${goal}${lazy}`)
  }
  console.info('\nmin+gz: esbuild --bundle --minify (ESM, react/react-dom external), gzip -9 per output file; 1 kB = 1000 bytes.')
  console.info('limit: enforced (exit 1 above it); goal: issue 7\'s target, to be met by lowering the limit.')
}

for (const { id, measurement } of over) {
  console.error(`\n${id} is over budget; heaviest modules (minified bytes in output):`)
  for (const { input, bytes } of heaviestInputs(measurement)) console.error(`  ${kB(bytes).padStart(9)}  ${input}`)
}
process.exit(over.length ? 1 : 0)
