#!/usr/bin/env node
// `payfect-framing-check <checkout-url> --origin <shop origin> [--page <shop page>]`: can the shop
// show this checkout page in the modal? Prints each finding with its fix. Exits 0 when it can,
// 1 when something refuses the frame, 2 when that could not be told, 64 on a usage error.
// Inside the monorepo it runs the TypeScript source through tsx, so a stale build is never used.
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'

const USAGE = `Usage: payfect-framing-check <checkout-url> --origin <shop-origin> [--page <shop-page-url>] [--timeout <ms>] [--json]

  <checkout-url>   a fresh checkout's url, e.g. https://buy.payfect.finance/checkouts/<id>
  --origin         the shop origin that frames it (publicOrigin), e.g. https://shop.example
  --page           a shop page that opens the modal, to check its CSP frame-src
  --timeout        how long each page may take to answer, in ms (default 5000)
  --json           print the report as JSON

Exit status: 0 the modal can show the checkout, 1 something refuses the frame, 2 unknown.`

async function loadServer() {
  if (!existsSync(new URL('../tsconfig.json', import.meta.url))) return import('../dist/index.js')
  const [{ register }, { register: registerTsx }] = await Promise.all([import('node:module'), import('tsx/esm/api')])
  registerTsx()
  // Registered after tsx, so it runs first: workspace packages resolve to their source.
  const addSourceCondition = `export function resolve(specifier, context, next) {
    const conditions = context.conditions.includes('@payfect/source') ? context.conditions : [...context.conditions, '@payfect/source']
    return next(specifier, { ...context, conditions })
  }`
  register(`data:text/javascript,${encodeURIComponent(addSourceCondition)}`, import.meta.url)
  return import('../src/index.ts')
}

async function main() {
  let parsed
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { origin: { type: 'string' }, page: { type: 'string' }, timeout: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    })
  } catch (error) {
    return usage(error.message)
  }
  const { values, positionals } = parsed
  if (values.help) return console.info(USAGE)
  if (positionals.length !== 1 || !values.origin) return usage('Pass one checkout page URL and --origin.')
  const { diagnoseFraming, formatFramingReport, PayfectConfigurationError } = await loadServer()
  try {
    const report = await diagnoseFraming({
      checkoutUrl: positionals[0],
      publicOrigin: values.origin,
      shopPage: values.page ? { url: values.page } : undefined,
      timeoutMs: values.timeout === undefined ? undefined : Number(values.timeout),
    })
    console.info(values.json ? JSON.stringify(report, null, 2) : formatFramingReport(report))
    process.exitCode = { allowed: 0, refused: 1, unknown: 2 }[report.verdict]
  } catch (error) {
    if (!(error instanceof PayfectConfigurationError)) throw error
    usage(error.message)
  }
}

function usage(message) {
  console.error(`${message}\n\n${USAGE}`)
  process.exitCode = 64
}

await main()
