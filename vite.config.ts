import { defaultClientConditions, defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import { chromiumLaunchOptions } from './scripts/chromium.ts'

// Inside the monorepo every package resolves to its TypeScript source through the
// `@payfect/source` export condition, so tests never need a build first.
const source = '@payfect/source'

/**
 * The Storybook toolbar's globals CI covers: every story runs once in each, its play function then axe
 * (a11y.test = 'error'). A story's own `globals` (e.g. the pinned dark or zh-TW stories) still win.
 * `storybook` is the toolbar's default; run all with `vitest run --project 'storybook*'`.
 */
const storybookGlobals: Record<string, Record<string, string>> = {
  storybook: {},
  'storybook-dark': { theme: 'dark' },
  'storybook-brand': { theme: 'brand' },
  'storybook-zh-TW': { locale: 'zh-TW' },
}

const storybookProjects = Object.entries(storybookGlobals).map(([name, initialGlobals], index) => ({
  extends: true as const,
  plugins: [storybookTest({ configDir: '.storybook', initialGlobals })],
  test: {
    name,
    setupFiles: ['.storybook/vitest.setup.ts'],
    // The state galleries drive 39 real buttons (a few through a modal and a payment) before their checks.
    testTimeout: 60_000,
    // One Chromium at a time: four side by side on two cores starve each other's frames into timeouts.
    sequence: { groupOrder: Math.floor(index / 2) },
    // Each project its own browser object: a shared one is mutated and mislabels projects.
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: chromiumLaunchOptions() }),
      instances: [{ browser: 'chromium' as const }],
    },
  },
}))

// React 18 and the kit's React-facing dependencies, installed against it in packages/react/test/react-18.
const react18 = (name: string) => new URL(`packages/react/test/react-18/node_modules/${name}`, import.meta.url).pathname
const react18Packages = ['react-dom', 'react', 'swr', '@radix-ui/react-dialog', '@radix-ui/react-slot', '@testing-library/react', '@testing-library/dom', '@testing-library/user-event']
const react18Alias = react18Packages.map((name) => ({ find: new RegExp(`^${name}(/.*)?$`), replacement: `${react18(name)}$1` }))

export default defineConfig({
  resolve: { conditions: [source, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [source, ...defaultServerConditions] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['packages/server/{src,test}/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'contract',
          environment: 'node',
          include: ['packages/contract/test/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'sandbox',
          environment: 'node',
          include: ['packages/sandbox/{src,test}/**/*.test.ts'],
        },
      },
      {
        // The `pnpm dev` shop over real HTTP on 127.0.0.1, with an in-process sandbox.
        extends: true,
        test: {
          name: 'storefront',
          environment: 'node',
          include: ['examples/storefront/test/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // @payfect/react in jsdom; *.server.test.tsx opt into node per file, *.test-d.ts are type tests.
        extends: true,
        test: {
          name: 'react',
          environment: 'jsdom',
          include: ['packages/react/{src,test}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.browser.test.tsx', '**/node_modules/**'],
          setupFiles: ['packages/react/test/setup.ts'],
          typecheck: {
            enabled: true,
            include: ['packages/react/{src,test}/**/*.test-d.ts'],
            tsconfig: 'packages/react/tsconfig.json',
          },
        },
      },
      {
        // The same tests on React 18 (the package claims ^18 || ^19): React and every dependency that
        // imports it resolve to packages/react/test/react-18, installed against React 18, so one React runs.
        extends: true,
        resolve: { alias: react18Alias },
        test: {
          name: 'react-18',
          environment: 'jsdom',
          env: { PAYFECT_REACT_MAJOR: '18' },
          include: ['packages/react/test/**/*.test.tsx'],
          exclude: ['**/*.server.test.tsx', '**/node_modules/**'],
          setupFiles: ['packages/react/test/setup.ts'],
        },
      },
      {
        // The docs' promises: every common first-hour mistake gets a message that names its fix.
        extends: true,
        test: {
          name: 'docs',
          environment: 'node',
          include: ['docs/test/**/*.test.{ts,tsx}'],
        },
      },
      {
        // The framework examples (Express, Hono, Next.js) against a sandbox on 127.0.0.1: `pnpm test:examples`.
        extends: true,
        test: {
          name: 'examples',
          environment: 'node',
          include: ['examples/{express,hono,nextjs}/test/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 600_000,
        },
      },
      {
        // The storefront and sandbox in a real Chromium, driven by playwright-core: `pnpm test:e2e`.
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
      // Every story in stories/ rendered in Chromium, once per toolbar global: its play function, then axe.
      ...storybookProjects,
    ],
  },
})
