/** One Chromium per test file for the React-flow scenarios, and a fresh context per scenario. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { chromiumLaunchOptions } from '../../scripts/chromium'

export function useChromium() {
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    browser = await chromium.launch(chromiumLaunchOptions())
  })
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {})
    await browser?.close()
  })
  return async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } })
    context.setDefaultTimeout(30_000)
    contexts.push(context)
    return { context, page: await context.newPage() }
  }
}

/** The callbacks the kit page recorded, in order (by CSS: an open modal hides the page from the accessibility tree). */
export async function events(page: Page): Promise<string[]> {
  return page.locator('ol[aria-label="Events"] > li').allTextContents()
}
