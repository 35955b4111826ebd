// `pnpm screenshots`: light and dark PNGs of the key stories for the README, taken
// from the static Storybook (built first when missing, or always with --build) in
// Chromium, offline, on 127.0.0.1. Writes docs/screenshots/<story>-<theme>.png.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { chromiumLaunchOptions } from './chromium'

interface Shot {
  /** The file name, without theme and extension. */
  name: string
  /** The story id, as in `iframe.html?id=`. */
  story: string
  /** The browser viewport, CSS pixels. */
  viewport: { width: number; height: number }
  /** Resolves once the story shows what the picture is about (its play function may still be running before). */
  ready: (page: Page) => Promise<unknown>
  /** Crop to the story's own box instead of the whole viewport. */
  crop?: boolean
}

const root = resolve(import.meta.dirname, '..')
const staticDir = join(root, 'storybook-static')
const outDir = join(root, 'docs', 'screenshots')
const themes = ['light', 'dark'] as const

const shots: Shot[] = [
  {
    name: 'product-card',
    story: 'flows-checkout--storefront',
    viewport: { width: 480, height: 640 },
    crop: true,
    ready: (page) => page.locator('[data-slot="checkout-button"][data-status="idle"]').waitFor(),
  },
  {
    name: 'checkout-modal',
    story: 'components-checkoutmodal--open',
    viewport: { width: 880, height: 820 },
    ready: async (page) => {
      await page.locator('[data-slot="checkout-modal"]:not([data-loading])').waitFor()
      await page.frameLocator('iframe[data-slot="checkout-frame"]').getByRole('button', { name: 'Simulate payment' }).waitFor()
    },
  },
  {
    name: 'paid',
    story: 'components-checkoutbutton--complete',
    viewport: { width: 480, height: 360 },
    crop: true,
    ready: (page) => page.locator('[data-slot="checkout-complete"]').waitFor({ timeout: 15_000 }),
  },
  {
    name: 'error',
    story: 'components-checkoutbutton--error-state',
    viewport: { width: 480, height: 360 },
    crop: true,
    ready: (page) => page.getByRole('alert').waitFor({ timeout: 15_000 }),
  },
]

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

/** A static file server for `storybook-static`, on 127.0.0.1 and a free port. */
function serve(dir: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path)
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end('not found')
      return
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
    response.end(readFileSync(file))
  })
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)))
}

if (process.argv.includes('--build') || !existsSync(join(staticDir, 'index.json'))) {
  console.info('Building the static Storybook (pnpm build-storybook)…')
  const { status } = spawnSync('pnpm', ['build-storybook', '--quiet'], { cwd: root, stdio: 'inherit' })
  if (status !== 0) process.exit(status ?? 1)
}

mkdirSync(outDir, { recursive: true })
const server = await serve(staticDir)
const { port } = server.address() as AddressInfo
const browser = await chromium.launch(chromiumLaunchOptions())
try {
  for (const shot of shots) {
    for (const theme of themes) {
      const page = await browser.newPage({ viewport: shot.viewport, colorScheme: theme, reducedMotion: 'reduce' })
      const url = `http://127.0.0.1:${port}/iframe.html?id=${shot.story}&viewMode=story&globals=theme:${theme}`
      await page.goto(url)
      await shot.ready(page)
      // Let the last transition and the frame's paint settle.
      await page.waitForTimeout(400)
      const path = join(outDir, `${shot.name}-${theme}.png`)
      if (shot.crop) await page.locator('.sb-payfect-canvas').screenshot({ path })
      else await page.screenshot({ path })
      console.info(`wrote ${path.slice(root.length + 1)}`)
      await page.close()
    }
  }
} finally {
  await browser.close()
  server.close()
}
