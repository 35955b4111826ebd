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
    // Over the 5 kB goal (7.64 → 7.14 kB after zh-TW moved to its own entry, swr/mutation and the
    // duplicated button/popup handlers went, the client's errors got shorter, and asChild took
    // Radix's Slot instead of a copy). The rest is behaviour, not fat: the modal (~1.5 kB gz alone),
    // the popup mode, the three completion signals with their state machine, and error messages
    // that name the fix.
    limit: 7_200,
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
    // Over the 25 kB goal: swr (6.4 kB gz alone, with its useSyncExternalStore shim), Radix Dialog
    // (14 kB gz alone, with react-remove-scroll, focus scope and tslib helpers) and clsx are ~21 kB
    // of it. swr/mutation is gone; meeting the goal would take useCheckoutStatus off swr.
    limit: 27_600,
    target: 25_000,
    packageDir: reactDir,
    options: { contents: `export * from './dist/index.js'`, resolveDir: reactDir, dependencies: 'all' },
  },
  {
    id: 'server-edge-checkout-route',
    label: '@payfect/server checkout route (createCheckoutHandler from /checkout, edge)',
    // Over issue 13's 6 KiB goal (10.04 kB): the route with the contract's checks, hosted-origin
    // trust, env/public-origin configuration, findOpenCheckout, onPayment and messages that name
    // the fix; the heaviest parts are the handler, its configuration checks and the error factory.
    limit: 10_100,
    target: 6_144,
    packageDir: serverDir,
    options: {
      contents: `export { createCheckoutHandler } from './dist/checkout.js'`,
      resolveDir: serverDir,
      dependencies: 'all',
      platform: 'neutral',
      conditions: ['worker', 'browser'],
    },
  },
  {
    id: 'server-edge-webhook-route',
    label: '@payfect/server webhook route (createWebhookHandler from /webhooks, edge)',
    // Over issue 13's 3 KiB goal (7.40 kB): verification on Web Crypto and the plain-JSON checks
    // are ~3.5 kB; reading the checkout back for onPayment (the API call and its typed errors) is the rest.
    limit: 7_450,
    target: 3_072,
    packageDir: serverDir,
    options: {
      contents: `export { createWebhookHandler } from './dist/webhooks.js'`,
      resolveDir: serverDir,
      dependencies: 'all',
      platform: 'neutral',
      conditions: ['worker', 'browser'],
    },
  },
]

const edge = { resolveDir: serverDir, dependencies: 'all' as const, platform: 'neutral' as const, conditions: ['worker', 'browser'] }

/** Shown beside the budgets, not enforced: the whole edge package. */
export const informational: Array<Omit<Budget, 'limit' | 'target'>> = [
  {
    id: 'server-edge-all',
    label: '  @payfect/server, every export (edge)',
    packageDir: serverDir,
    options: { ...edge, contents: `export * from './dist/index.js'` },
  },
]

/** Source lines of packages/server/src, tests excluded (issue 13). */
export const serverLines = {
  dir: join(serverDir, 'src'),
  // Enforced at today's figure so it can only shrink; the goal is issue 13's 2,000.
  limit: 3_015,
  target: 2_000,
}
