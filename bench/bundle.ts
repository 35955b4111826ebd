// Bench 1 — bundle weight, beside the anchors, bundled with the very same esbuild settings
// as `pnpm size` (scripts/size/measure.ts): minified ESM, react/react-dom external, gzip -9.
import { join } from 'node:path'
import { budgets } from '../scripts/size/budgets'
import { measure, type MeasureOptions } from '../scripts/size/measure'
import { row, type BenchRow } from './lib/result'

const root = join(import.meta.dirname, '..')

const stripe = `export { EmbeddedCheckoutProvider, EmbeddedCheckout } from '@stripe/react-stripe-js'`
const coinbase = `export { default } from 'react-coinbase-commerce'`

async function gz(options: MeasureOptions): Promise<number> {
  return (await measure(options)).gzip
}

export async function bundleBench(): Promise<BenchRow[]> {
  const payfect = Object.fromEntries(await Promise.all(budgets.map(async (budget) => [budget.id, await gz(budget.options)] as const)))
  const anchors = {
    stripeOwn: await gz({ contents: stripe, resolveDir: root, dependencies: 'own' }),
    stripeAll: await gz({ contents: stripe, resolveDir: root, dependencies: 'all' }),
    coinbaseOwn: await gz({ contents: coinbase, resolveDir: root, dependencies: 'own' }),
    coinbaseAll: await gz({ contents: coinbase, resolveDir: root, dependencies: 'all' }),
  }
  const bench = 'bundle'
  const rows: BenchRow[] = []
  const stripeName = '@stripe/react-stripe-js (EmbeddedCheckoutProvider + EmbeddedCheckout)'
  const coinbaseName = 'react-coinbase-commerce (CoinbaseCommerceButton)'
  for (const budget of budgets) {
    rows.push(row({ bench, metric: 'min+gz vs goal', subject: budget.label, subjectValue: payfect[budget.id]!, baseline: 'goal (issues 13 and 14)', baselineValue: budget.target, unit: 'B', target: '<= 1' }))
  }
  rows.push(
    row({ bench, metric: 'own code, min+gz', subject: '@payfect/react (whole package)', subjectValue: payfect['react-own']!, baseline: stripeName, baselineValue: anchors.stripeOwn, unit: 'B' }),
    row({ bench, metric: 'own code, min+gz', subject: '@payfect/react (whole package)', subjectValue: payfect['react-own']!, baseline: coinbaseName, baselineValue: anchors.coinbaseOwn, unit: 'B' }),
    row({ bench, metric: 'with dependencies, min+gz', subject: '@payfect/react CheckoutButton first paint', subjectValue: payfect['react-first-paint']!, baseline: stripeName, baselineValue: anchors.stripeAll, unit: 'B' }),
    row({ bench, metric: 'with dependencies, min+gz', subject: '@payfect/react (whole package)', subjectValue: payfect['react-all']!, baseline: stripeName, baselineValue: anchors.stripeAll, unit: 'B' }),
    row({ bench, metric: 'with dependencies, min+gz', subject: '@payfect/react (whole package)', subjectValue: payfect['react-all']!, baseline: coinbaseName, baselineValue: anchors.coinbaseAll, unit: 'B' }),
  )
  return rows
}
