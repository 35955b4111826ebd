// `pnpm bench` — every figure is a ratio against a baseline measured in the same run.
//   pnpm bench                   all benches; prints the table, writes bench/results.json and bench/README.md's table
//   pnpm bench bundle webhook    only those (results.json is written only by a full run)
// Benches: bundle, route (route handler overhead), webhook, click (click to checkout, Chromium).
// Benches what npm ships: it builds @payfect/server, @payfect/sandbox and @payfect/react first
// and imports their dist/ (`--no-build` skips the build when dist/ is known to be current).
import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { machine } from './lib/machine'
import { writeBenchReadme } from './readme'
import type { BenchRow } from './lib/result'
import { markdownTable, textTable } from './lib/table'

const root = join(import.meta.dirname, '..')
// Imported only when run, after the build: they import the packages' dist/.
const benches: Record<string, () => Promise<BenchRow[]>> = {
  bundle: async () => (await import('./bundle')).bundleBench(),
  webhook: async () => (await import('./webhook')).webhookBench(),
  route: async () => (await import('./route-handler')).routeHandlerBench(),
  click: async () => (await import('./click-to-checkout')).clickToCheckoutBench(),
}

const asked = process.argv.slice(2).filter((arg) => !arg.startsWith('-'))
const unknown = asked.filter((name) => !(name in benches))
if (unknown.length) {
  console.error(`Unknown bench ${unknown.join(', ')}; choose from ${Object.keys(benches).join(', ')}.`)
  process.exit(2)
}
const selected = asked.length ? asked : Object.keys(benches)

const packages = ['server', 'sandbox', 'react']
const skipBuild = process.argv.includes('--no-build') && packages.every((name) => existsSync(join(root, 'packages', name, 'dist/index.js')))
if (!skipBuild) {
  console.info('Building @payfect/server, @payfect/sandbox and @payfect/react…')
  const filters = packages.flatMap((name) => ['--filter', `@payfect/${name}`])
  const build = spawnSync('pnpm', [...filters, 'run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const startedAt = new Date()
const host = machine()
console.info(`Machine: ${host.nproc} cores, ${host.cpu}, Node ${host.node}, load ${host.loadAverage1m}`)
const rows: BenchRow[] = []
const timings: Record<string, number> = {}
const errors: Record<string, string> = {}
for (const name of selected) {
  console.info(`\n▶ ${name}`)
  const t0 = performance.now()
  try {
    const result = await benches[name]!()
    console.info(textTable(result))
    rows.push(...result)
  } catch (error) {
    // One bench failing (say, no Chromium for `click`) must not lose the others' figures.
    errors[name] = error instanceof Error ? error.message : String(error)
    console.error(`✗ ${name} failed: ${errors[name]}`)
  }
  timings[name] = Math.round(performance.now() - t0) / 1000
}

console.info(`\n${textTable(rows)}`)
const failed = rows.filter((row) => row.pass === false)
console.info(`\n${rows.length} figures; ${rows.filter((row) => row.pass).length} targets met, ${failed.length} missed; took ${Object.values(timings).reduce((a, b) => a + b, 0).toFixed(0)} s`)
if (process.argv.includes('--markdown')) console.info(`\n${markdownTable(rows)}`)
if (Object.keys(errors).length) {
  console.error(`Benches that failed: ${Object.keys(errors).join(', ')}`)
  process.exitCode = 1
}

if (!asked.length) {
  const results = { startedAt: startedAt.toISOString(), machine: host, secondsPerBench: timings, rows, ...(Object.keys(errors).length ? { errors } : {}) }
  writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
  writeBenchReadme(results)
  console.info('Wrote bench/results.json and the table in bench/README.md')
}
