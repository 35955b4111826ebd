/**
 * The e2e harness: one storefront (with its in-process sandbox) on 127.0.0.1 per
 * test file, one Chromium, and a fresh browser context per scenario. A failing
 * scenario leaves `test-results/e2e/<scenario>.png` and `<scenario>.trace.zip`
 * (open with `pnpm exec playwright show-trace <file>`).
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, test } from 'vitest'
import { chromiumLaunchOptions } from '../scripts/chromium'
import { startStorefront, type Storefront } from '../examples/storefront/server'

export const resultsDir = new URL('../test-results/e2e/', import.meta.url).pathname

export interface Scenario {
  shop: Storefront
  /** The shop's sandbox (the suite always runs one). */
  sandbox: NonNullable<Storefront['sandbox']>
  context: BrowserContext
  page: Page
}

export interface ScenarioOptions {
  /** Runs before the page opens: routes, init scripts. */
  setup?: (context: BrowserContext) => Promise<void>
}

/**
 * Starts the shop and the browser for this file; returns `scenario(name, fn)`,
 * a `test` that hands `fn` a fresh context and page and records its run time.
 */
export function useShop(shopOptions: { env?: Record<string, string>; callbackRetryDelaysMs?: number[] } = {}) {
  let shop: Storefront
  let browser: Browser

  beforeAll(async () => {
    await mkdir(resultsDir, { recursive: true })
    // Never the live API, whatever the developer's shell holds: only what the file asks for.
    shop = await startStorefront({ port: 0, sandbox: { port: 0, callbackRetryDelaysMs: shopOptions.callbackRetryDelaysMs ?? [100, 200, 400] }, env: shopOptions.env ?? {}, log: false })
    browser = await chromium.launch(chromiumLaunchOptions())
  })

  afterAll(async () => {
    await browser?.close()
    await shop?.close()
  })

  return function scenario(name: string, fn: (s: Scenario) => Promise<void>, options: ScenarioOptions = {}) {
    // The scenario's own `expect`s live in `fn`; its name is a string the caller passes.
    // oxlint-disable-next-line vitest/expect-expect, vitest/valid-title
    test(name, async () => {
      const started = performance.now()
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
      // Generous: CI machines (and this one) are often busy; nothing here asserts on speed.
      context.setDefaultTimeout(75_000)
      await context.tracing.start({ screenshots: true, snapshots: true, sources: false, title: name })
      const file = name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()
      let failed = true
      // The browser's side of the story, saved next to the trace when the scenario fails.
      const log: string[] = []
      const stamp = () => `${((performance.now() - started) / 1000).toFixed(2).padStart(6)}s`
      context.on('page', (opened) => {
        opened.on('console', (message) => log.push(`${stamp()} console.${message.type()} ${message.text()}`))
        opened.on('pageerror', (error) => log.push(`${stamp()} pageerror ${error.message}`))
        opened.on('framenavigated', (frame) => log.push(`${stamp()} navigated ${frame === opened.mainFrame() ? 'page' : 'frame'} ${frame.url()}`))
      })
      // No hot updates from the shop's Vite server: a file saved mid-run must not reset the page.
      await context.routeWebSocket(/\/(\?token=.*)?$/, () => {})
      try {
        await options.setup?.(context)
        const page = await context.newPage()
        await fn({ shop, sandbox: shop.sandbox!, context, page })
        failed = false
      } finally {
        if (failed) {
          for (const [i, open] of context.pages().entries()) {
            await open.screenshot({ path: `${resultsDir}${file}${i ? `-${i}` : ''}.png`, fullPage: true }).catch(() => {})
          }
          await context.tracing.stop({ path: `${resultsDir}${file}.trace.zip` }).catch(() => {})
          await writeFile(`${resultsDir}${file}.log`, `${log.join('\n')}\n`).catch(() => {})
        } else {
          await context.tracing.stop().catch(() => {})
          if (process.env.PAYFECT_E2E_LOG) await writeFile(`${resultsDir}${file}.log`, `${log.join('\n')}\n`).catch(() => {})
        }
        await context.close().catch(() => {})
        const seconds = ((performance.now() - started) / 1000).toFixed(2)
        const line = `${failed ? 'FAIL' : 'pass'}  ${seconds.padStart(6)} s  ${name}`
        console.info(`[e2e] ${line}`)
        await appendFile(`${resultsDir}timings.txt`, `${line}\n`).catch(() => {})
      }
    })
  }
}
