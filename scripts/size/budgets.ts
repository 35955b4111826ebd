// The size budgets of issue 7, each a bundle a merchant's page (or edge function) really pays for.
// Measured on the built packages (`dist/`, what npm ships), so run `pnpm build` first.
import { join } from 'node:path'
import type { MeasureOptions } from './measure'

const root = join(import.meta.dirname, '../..')
export const reactDir = join(root, 'packages/react')
export const serverDir = join(root, 'packages/server')

export interface Budget {
  id: string
  label: string
  /** Maximum gzipped bytes, enforced: CI fails above it, so the bundle can only shrink. */
  limit: number
  /** Issue 7's goal, in gzipped bytes; shown beside the limit until the limit reaches it. */
  target: number
  /** Package directory whose dist/ must exist. */
  packageDir: string
  options: MeasureOptions
}

export const budgets: Budget[] = [
  {
    id: 'react-own',
    label: '@payfect/react own code (dependencies excluded)',
    // Over the 5 kB goal by the popup mode, the three completion signals and two locales.
    limit: 7_800,
    target: 5_000,
    packageDir: reactDir,
    options: { contents: `export * from './dist/index.js'`, resolveDir: reactDir, dependencies: 'own' },
  },
  {
    id: 'react-first-paint',
    label: 'first paint of a CheckoutButton-only page (+ swr, clsx; modal and Radix lazy)',
    limit: 10_000,
    target: 10_000,
    packageDir: reactDir,
    options: { contents: `export { CheckoutButton } from './dist/index.js'`, resolveDir: reactDir, dependencies: 'all', splitting: true },
  },
  {
    id: 'react-all',
    label: '@payfect/react whole package with all dependencies but react/react-dom',
    // swr, swr/mutation, Radix Dialog and clsx alone are ~21 kB of it.
    limit: 29_000,
    target: 25_000,
    packageDir: reactDir,
    options: { contents: `export * from './dist/index.js'`, resolveDir: reactDir, dependencies: 'all' },
  },
  {
    id: 'server-edge',
    label: '@payfect/server for an edge runtime (platform neutral, worker/browser conditions)',
    // Over the 5 kB goal: validation with field paths and errors that name the fix cost ~12 kB.
    limit: 18_500,
    target: 5_000,
    packageDir: serverDir,
    options: {
      contents: `export * from './dist/index.js'`,
      resolveDir: serverDir,
      dependencies: 'all',
      platform: 'neutral',
      conditions: ['worker', 'browser'],
    },
  },
]

const edge = { resolveDir: serverDir, dependencies: 'all' as const, platform: 'neutral' as const, conditions: ['worker', 'browser'] }

/** Shown beside the budgets, not enforced: what one edge route pulls from @payfect/server. */
export const informational: Array<Omit<Budget, 'limit' | 'target'>> = [
  {
    id: 'server-edge-checkout-route',
    label: '  of which an edge checkout route (createCheckoutHandler only)',
    packageDir: serverDir,
    options: { ...edge, contents: `export { createCheckoutHandler } from './dist/index.js'` },
  },
  {
    id: 'server-edge-webhook-route',
    label: '  of which an edge webhook route (verifyWebhook + createWebhookHandler)',
    packageDir: serverDir,
    options: { ...edge, contents: `export { verifyWebhook, createWebhookHandler } from './dist/index.js'` },
  },
]
