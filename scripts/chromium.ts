import { chromiumExecutable } from './chromium-path.mjs'

/**
 * Where the browser tests find a Chromium:
 *
 * 1. `PAYFECT_CHROMIUM=/path/to/chrome` — any Chromium or Chrome you choose.
 * 2. Debian's `/usr/bin/chromium` (`apt-get install -y chromium`), when present.
 * 3. Otherwise Playwright's own Chromium (`npx playwright install chromium`),
 *    which is what `executablePath: undefined` asks Playwright for.
 */
export { chromiumExecutable }

/** Flags that keep a headless Chromium quiet and offline on CI machines. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/** Launch options for playwright-core's `chromium.launch()` and Vitest's playwright provider. */
export function chromiumLaunchOptions() {
  return { headless: true, executablePath: chromiumExecutable(), args: chromiumArgs }
}
