// `pnpm size`: the bundle budgets, enforced. Prints a table and exits 1 when any figure is
// over its budget (and then names the heaviest modules from esbuild's metafile).
// `--json` prints the figures as JSON instead. Run `pnpm build` first.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { budgets, informational, serverLines } from './size/budgets'
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
  rows.push({ id: item.id, label: item.label, gzip: measurement.gzip, minified: measurement.minified, lazyGzip: measurement.lazyGzip, ok: true })
}

// Lines of the server's source, tests excluded: `find packages/server/src -name '*.ts' ! -name '*.test.ts' | xargs cat | wc -l`.
const countLines = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sum + countLines(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? sum + (readFileSync(path, 'utf8').match(/\n/g)?.length ?? 0) : sum
  }, 0)
const lines = countLines(serverLines.dir)
const linesOk = lines <= serverLines.limit

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
  const goal = lines <= serverLines.target ? 'met' : `not met (${(lines / serverLines.target).toFixed(2)}×)`
  console.info(`\npackages/server/src lines (tests excluded): ${lines}, limit ${serverLines.limit} ${linesOk ? '✓' : '✗ OVER'}, goal ${serverLines.target} ${goal}`)
  console.info('\nmin+gz: esbuild --bundle --minify (ESM, react/react-dom external), gzip -9 per output file; 1 kB = 1000 bytes.')
  console.info('limit: enforced (exit 1 above it); goal: the issue\'s target, to be met by lowering the limit.')
}

for (const { id, measurement } of over) {
  console.error(`\n${id} is over budget; heaviest modules (minified bytes in output):`)
  for (const { input, bytes } of heaviestInputs(measurement)) console.error(`  ${kB(bytes).padStart(9)}  ${input}`)
}
if (!linesOk) console.error(`\npackages/server/src has ${lines} lines, over its limit of ${serverLines.limit}.`)
process.exit(over.length || !linesOk ? 1 : 0)
