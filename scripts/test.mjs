// `pnpm test`: everything CI checks, in the order that fails fastest.
// Each step is an ordinary pnpm script, so any one can be run alone.
// Ends with a plain "N passed, N failed" line counted from Vitest's JSON report.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { chromiumExecutable } from './chromium-path.mjs'

const browser = chromiumExecutable()
console.log(
  browser
    ? `Browser tests use Chromium at ${browser}${process.env.PAYFECT_CHROMIUM ? ' (PAYFECT_CHROMIUM)' : ''}.`
    : 'No PAYFECT_CHROMIUM and no /usr/bin/chromium: browser tests use Playwright\'s own Chromium (npx playwright install chromium).',
)

mkdirSync('test-results', { recursive: true })
const report = 'test-results/vitest.json'
const steps = [
  ['lint', ['run', 'lint']],
  ['typecheck', ['run', 'typecheck']],
  ['check:docs', ['run', 'check:docs']],
  ['mock-checkout', ['run', 'mock-checkout', '--check']],
  ['build', ['run', 'build']],
  ['check:packages', ['run', 'check:packages']],
  ['size', ['run', 'size']],
  ['vitest', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]],
]

let failedStep
for (const [name, args] of steps) {
  console.log(`\n▶ ${name}: pnpm ${args.join(' ')}`)
  const { status } = spawnSync('pnpm', args, { stdio: 'inherit' })
  if (status !== 0) {
    failedStep = name
    break
  }
}

let passed = 0
let failed = 0
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'))
  passed = json.numPassedTests ?? 0
  // A file that failed to load has no failed test of its own: count it once.
  failed = json.numFailedTests || json.numFailedTestSuites || 0
}
if (failedStep) {
  console.error(`\n✗ pnpm test stopped at "${failedStep}".`)
  failed = Math.max(failed, 1)
}
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failedStep || failed > 0 ? 1 : 0)
