// Bench 4 — click to checkout, in Chromium: from the click on CheckoutButton to the hosted
// checkout page on screen, inside the modal (`mode="modal"`) versus a full-page redirect to the
// same page (`mode="redirect"`). Both sides use the same probe in the hosted page: the first
// animation frame after its DOM is parsed. The modal also needs that frame to be visible: the first
// animation frame in which the iframe and its ancestors are rendered with an opacity above 0 (by
// computed style, whatever hides it), and the later of the two counts. (Not the frame's
// first-contentful-paint entry: Chromium records it late for a frame inside a fading modal.)
// The redirect side counts the hosted page's first frame, as it always has.
// Two topologies, interleaved in one run. The target row serves the shop as http://shop.test:PORT
// (Chromium maps shop.test to 127.0.0.1), so the hosted page on 127.0.0.1 is cross-site, as a live
// shop and buy.payfect.finance are: the frame gets a renderer of its own (as on desktop Chrome) and
// the redirect swaps renderers. The informational row keeps both on 127.0.0.1 (one site): the frame
// then shares the shop's renderer and main thread, and the redirect swaps nothing, which costs the
// modal and spares the redirect in a way no live shop sees.
// BENCH_DEBUG=1 prints each sample's breakdown. Each sample is a fresh browser context (cold
// cache) on a small shop page (bench/click-page, bundled with esbuild from the built package,
// code-split so the modal loads lazily), served next to `createCheckoutHandler` and a sandbox.
// The pointer rests on the button for 150 ms before the click, as a shopper's does, in both modes.
// Framing probe (issue 17): the same cross-site modal with `framingProbe` on in the provider and in
// the route (framing allowed, so the modal opens), against the probe-off modal of the same run.
// Cold: the route's probe has an empty cache, so the hover that asks `GET ?embeddable` (150 ms
// before the click) makes the route create a checkout and fetch its page, on the server and the
// sandbox the click then uses. Warm: the answer is cached in the route and in the kit (an earlier
// hover asked, and the pointer left before the usual 150 ms rest and click). The routes run as in
// production: development's startup check would probe before the first hover.
import { readFileSync, existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { build } from 'esbuild'
import { chromium, type Browser, type Frame, type Page } from 'playwright-core'
import { startSandbox } from '@payfect/sandbox'
import { createCheckoutHandler } from '@payfect/server'
import { createFramingProbe } from '@payfect/server/framing'
import { toNodeHandler } from '@payfect/server/node'
import { chromiumLaunchOptions } from '../scripts/chromium'
import { row, type BenchRow } from './lib/result'
import { interleave, median, pairedRatio } from './lib/stats'

const hoverMs = 150

type Probe = 'cold' | 'warm'
/** The routes with the framing probe on; the cold one gets a fresh probe (an empty cache) before each sample. */
const probeEndpoints: Record<Probe, string> = { cold: '/api/probe-cold/checkouts', warm: '/api/probe-warm/checkouts' }

async function bundlePage(): Promise<Map<string, { type: string; body: string | Uint8Array }>> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'click-page/app.tsx')],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    outdir: '/assets',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  })
  const files = new Map<string, { type: string; body: string | Uint8Array }>()
  for (const file of result.outputFiles) files.set(file.path, { type: 'text/javascript', body: file.contents })
  const css = join(import.meta.dirname, '../packages/react/dist/styles.css')
  const stylesheet = existsSync(css) ? '<link rel="stylesheet" href="/assets/styles.css">' : ''
  if (stylesheet) files.set('/assets/styles.css', { type: 'text/css', body: readFileSync(css) })
  files.set('/', {
    type: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${stylesheet}</head><body><div id="root"></div><script type="module" src="/assets/app.js"></script></body></html>`,
  })
  return files
}

// Page-side code is passed as a string: tsx's transform would wrap functions in helpers the page lacks.
// It runs in every document and frame. In the hosted checkout page it records the first
// animation frame after the DOM is parsed (the first frame that can show the page). In the shop
// it records the click and, for the modal, the first animation frame in which the shopper can see
// the frame: the iframe and every ancestor rendered (no display:none, visibility:hidden or
// [hidden]), with a non-zero size and a computed opacity product above 0 (so a fade counts from
// its first non-transparent frame, not its end). This reads computed styles, not the kit's
// attributes, so it holds whatever way the modal hides its frame. Its per-frame check reads layout
// and styles in the shop only, so it costs the modal, never the redirect (up to 16 ms a frame while
// the frame's page lays out): it stops at the first visible frame. `opaque` (debug only, when the
// check runs on) is the first frame at full opacity: the end of any fade, the modal's entrance included.
function probeScript(checkoutOrigin: string, debug: boolean): string {
  return `(() => {
  const now = () => performance.timeOrigin + performance.now()
  if (location.origin === ${JSON.stringify(checkoutOrigin)}) {
    const mark = () => requestAnimationFrame(() => { window.__payfectFirstFrame = now() })
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mark, { once: true })
    else mark()
    return
  }
  addEventListener('click', () => window.__clicked(now()), { capture: true })
  addEventListener('message', (event) => {
    if (event.data && event.data.type === 'checkout.ready' && !window.__payfectReady) window.__payfectReady = now()
  })
  const opacity = (frame) => {
    if (!frame.isConnected || frame.offsetWidth === 0 || frame.offsetHeight === 0) return 0
    let product = 1
    for (let node = frame; node instanceof Element; node = node.parentElement) {
      const style = getComputedStyle(node)
      if (node.hidden || style.display === 'none' || style.visibility !== 'visible' || style.contentVisibility === 'hidden') return 0
      product *= Number(style.opacity)
    }
    return product
  }
  const watch = (frame) => {
    window.__payfectFrameAttached = now()
    const check = () => {
      const seen = opacity(frame)
      if (seen > 0 && !window.__payfectShown) window.__payfectShown = now()
      if (seen >= 0.999) window.__payfectOpaque = now()
      else if (frame.isConnected && (${debug} || !window.__payfectShown)) requestAnimationFrame(check)
    }
    requestAnimationFrame(check)
  }
  new MutationObserver(() => {
    const frame = document.querySelector('[data-slot="checkout-modal"] iframe')
    if (frame && !window.__payfectFrameAttached) watch(frame)
  }).observe(document, { subtree: true, childList: true })
})()`
}

// Debug only: whether hovering preconnected the checkout origin and requested the modal's chunk.
const preparedExpression = (checkoutOrigin: string) => `(() => {
  const link = !!document.querySelector('link[rel="preconnect"][href=${JSON.stringify(checkoutOrigin)}]')
  const chunks = performance.getEntriesByType('resource').filter((e) => e.initiatorType !== 'navigation' && e.name.includes('/assets/') && e.startTime > performance.getEntriesByType('navigation')[0].loadEventEnd)
  return 'hover: preconnect ' + (link ? 'yes' : 'no') + ', ' + chunks.length + ' chunk(s) preloaded'
})()`
// Debug only: a document's navigation start, response start, DOMContentLoaded and load, as epoch ms.
const navigationExpression = `(() => { const n = performance.getEntriesByType('navigation')[0]; return [performance.timeOrigin, performance.timeOrigin + n.responseStart, performance.timeOrigin + n.domContentLoadedEventStart, n.loadEventEnd ? performance.timeOrigin + n.loadEventEnd : 0] })()`

const waitFor = async (frame: Frame, expression: string) => (await (await frame.waitForFunction(expression, undefined, { timeout: 30_000 })).jsonValue()) as number

interface ProbeSample {
  kind: Probe
  /** Empties the cold route's cache. */
  emptyColdCache: () => void
}

async function sample(browser: Browser, shop: string, checkoutOrigin: string, mode: 'modal' | 'redirect', probe?: ProbeSample): Promise<number> {
  if (probe?.kind === 'cold') probe.emptyColdCache()
  const context = await browser.newContext()
  try {
    const page: Page = await context.newPage()
    let clickedAt = 0
    await page.exposeBinding('__clicked', (_source, at: number) => {
      clickedAt = at
    })
    await page.addInitScript(probeScript(checkoutOrigin, !!process.env.BENCH_DEBUG))
    const probing = probe ? `&probe&endpoint=${encodeURIComponent(probeEndpoints[probe.kind])}` : ''
    await page.goto(`${shop}/?mode=${mode}&checkoutOrigin=${encodeURIComponent(checkoutOrigin)}${probing}`, { waitUntil: 'networkidle' })
    const button = page.getByRole('button', { name: 'Pay with crypto' })
    if (probe?.kind === 'warm') {
      const answered = page.waitForResponse((response) => new URL(response.url()).searchParams.has('embeddable'))
      await button.hover()
      await (await answered).finished()
      await page.mouse.move(0, 0)
    }
    await button.hover()
    await page.waitForTimeout(hoverMs)
    const prepared = process.env.BENCH_DEBUG ? ((await page.evaluate(preparedExpression(checkoutOrigin))) as string) : ''
    await button.click()
    const at = (time: number) => (time ? `+${Math.round(time - clickedAt)} ms` : '—')
    let shownAt: number
    if (mode === 'modal') {
      const iframe = page.locator('[data-slot="checkout-modal"] iframe')
      await iframe.waitFor({ state: 'attached', timeout: 30_000 })
      const content = await (await iframe.elementHandle())!.contentFrame()
      if (!content) throw new Error('the modal has no frame')
      await content.waitForURL((url) => url.origin === checkoutOrigin, { timeout: 30_000 })
      const firstFrame = await waitFor(content, 'window.__payfectFirstFrame')
      const shown = await waitFor(page.mainFrame(), 'window.__payfectShown')
      shownAt = Math.max(firstFrame, shown)
      if (process.env.BENCH_DEBUG) {
        const opaque = await waitFor(page.mainFrame(), 'window.__payfectOpaque')
        const marks = (await page.evaluate(
          `(() => { const end = (match) => { const e = performance.getEntriesByType('resource').find((e) => match(e.name)); return e ? performance.timeOrigin + e.responseEnd : 0 }; return [end((name) => name.endsWith('/checkouts')), window.__payfectFrameAttached, window.__payfectReady || 0, end((name) => name.includes('?embeddable'))] })()`,
        )) as number[]
        const probed = probe ? `probe (${probe.kind}) answered ${marks[3] ? `${Math.round(marks[3] - clickedAt)} ms from the click` : '—'}, ` : ''
        const [navStart, response, dcl, load] = (await content.evaluate(navigationExpression)) as number[]
        console.info(
          `modal (${new URL(shop).hostname}): ${prepared}; ${probed}checkout created ${at(marks[0]!)}, frame navigation ${at(navStart!)}, iframe attached ${at(marks[1]!)}, frame response ${at(response!)}, frame DOM parsed ${at(dcl!)}, ready message ${at(marks[2]!)}, ` +
            `frame load ${at(load!)}, hosted first frame ${at(firstFrame)}, visible ${at(shown)}, fully opaque ${at(opaque)} → counted ${at(shownAt)}`,
        )
      }
    } else {
      await page.waitForURL((url) => url.origin === checkoutOrigin, { timeout: 30_000 })
      shownAt = await waitFor(page.mainFrame(), 'window.__payfectFirstFrame')
      if (process.env.BENCH_DEBUG) {
        const [navStart, response, dcl] = (await page.evaluate(navigationExpression)) as number[]
        console.info(`redirect (${new URL(shop).hostname}): ${prepared}; navigation ${at(navStart!)}, response ${at(response!)}, DOM parsed ${at(dcl!)}, first frame ${at(shownAt)} → counted ${at(shownAt)}`)
      }
    }
    if (!clickedAt) throw new Error('the click was not recorded')
    return shownAt - clickedAt
  } finally {
    await context.close()
  }
}

export async function clickToCheckoutBench(options: { rounds?: number } = {}): Promise<BenchRow[]> {
  const rounds = options.rounds ?? 11
  const sandbox = await startSandbox({ host: '127.0.0.1', port: 0 })
  const catalog = { 'pro-plan': { name: 'Pro plan', unitAmount: '20.50', currency: 'usdt' } } as const
  let handler: ReturnType<typeof toNodeHandler> | undefined
  let probed: Record<Probe, ReturnType<typeof toNodeHandler>> | undefined
  const files = await bundlePage()
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!
    if (path.startsWith('/api/checkouts') && handler) return handler(req, res)
    if (path === probeEndpoints.cold && probed) return probed.cold(req, res)
    if (path === probeEndpoints.warm && probed) return probed.warm(req, res)
    const file = files.get(path)
    if (!file) {
      res.writeHead(404)
      return res.end()
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-cache' })
    res.end(file.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no address')
  const sameSiteShop = `http://127.0.0.1:${address.port}`
  const crossSiteShop = `http://shop.test:${address.port}`
  const checkoutOrigin = new URL(sandbox.url).origin
  // The routes need the shop's origin (the same-site shop's is allowed beside it), and run as live.
  const route = { apiKey: sandbox.apiKey, baseUrl: sandbox.apiBase, catalog, successUrl: '/success', cancelUrl: '/cancel', publicOrigin: crossSiteShop, allowedOrigins: [sameSiteShop], env: { NODE_ENV: 'production' } }
  handler = toNodeHandler(createCheckoutHandler(route))
  const probedRoute = () => toNodeHandler(createCheckoutHandler({ ...route, framingProbe: createFramingProbe() }))
  probed = { cold: probedRoute(), warm: probedRoute() }
  const coldProbe: ProbeSample = { kind: 'cold', emptyColdCache: () => void (probed!.cold = probedRoute()) }
  const warmProbe: ProbeSample = { kind: 'warm', emptyColdCache: () => undefined }
  const warmed = (await (await fetch(`${sameSiteShop}${probeEndpoints.warm}?embeddable`)).json()) as { embeddable: unknown }
  if (warmed.embeddable !== true) throw new Error(`the probe-on rows need the sandbox to allow framing; GET ?embeddable answered ${JSON.stringify(warmed)}`)
  const launch = chromiumLaunchOptions()
  const browser = await chromium.launch({ ...launch, args: [...launch.args, '--host-resolver-rules=MAP shop.test 127.0.0.1'] })
  try {
    for (const shop of [crossSiteShop, sameSiteShop]) {
      await sample(browser, shop, checkoutOrigin, 'modal')
      await sample(browser, shop, checkoutOrigin, 'redirect')
    }
    await sample(browser, crossSiteShop, checkoutOrigin, 'modal', coldProbe)
    await sample(browser, crossSiteShop, checkoutOrigin, 'modal', warmProbe)
    const samples = await interleave(rounds, {
      modal: () => sample(browser, crossSiteShop, checkoutOrigin, 'modal'),
      redirect: () => sample(browser, crossSiteShop, checkoutOrigin, 'redirect'),
      sameSiteModal: () => sample(browser, sameSiteShop, checkoutOrigin, 'modal'),
      sameSiteRedirect: () => sample(browser, sameSiteShop, checkoutOrigin, 'redirect'),
      probeCold: () => sample(browser, crossSiteShop, checkoutOrigin, 'modal', coldProbe),
      probeWarm: () => sample(browser, crossSiteShop, checkoutOrigin, 'modal', warmProbe),
    })
    const note = `${rounds} interleaved rounds; values are medians, the ratio the median of per-round ratios; fresh context each; ${hoverMs} ms hover before the click; on screen = first frame with the hosted DOM parsed and (modal) the iframe rendered at opacity > 0 by computed style`
    return [
      row(
        {
          bench: 'click to checkout',
          metric: 'click → hosted page on screen (shop and page cross-site, as live)',
          subject: 'CheckoutButton mode="modal" (lazy modal + iframe)',
          subjectValue: median(samples.modal),
          baseline: 'CheckoutButton mode="redirect" (full-page navigation)',
          baselineValue: median(samples.redirect),
          unit: 'ms',
          target: '<= 1.10',
          note,
        },
        pairedRatio(samples.modal, samples.redirect),
      ),
      row(
        {
          bench: 'click to checkout',
          metric: 'click → hosted page on screen (informational: shop and page same-site, one renderer)',
          subject: 'CheckoutButton mode="modal" (lazy modal + iframe)',
          subjectValue: median(samples.sameSiteModal),
          baseline: 'CheckoutButton mode="redirect" (full-page navigation)',
          baselineValue: median(samples.sameSiteRedirect),
          unit: 'ms',
          note,
        },
        pairedRatio(samples.sameSiteModal, samples.sameSiteRedirect),
      ),
      ...(['cold', 'warm'] as const).map((kind) =>
        row(
          {
            bench: 'click to checkout',
            metric: `click → hosted page on screen (framing probe ${kind === 'cold' ? 'cold: the route probes on the hover 150 ms before the click' : 'warm: the answer cached in the route and the kit'})`,
            subject: 'CheckoutButton mode="modal", framingProbe on in the provider and the route (framing allowed)',
            subjectValue: median(kind === 'cold' ? samples.probeCold : samples.probeWarm),
            baseline: 'the same modal, framingProbe off',
            baselineValue: median(samples.modal),
            unit: 'ms',
            target: '<= 1.05',
            note,
          },
          pairedRatio(kind === 'cold' ? samples.probeCold : samples.probeWarm, samples.modal),
        ),
      ),
    ]
  } finally {
    await browser.close()
    server.closeAllConnections()
    server.close()
    await sandbox.close()
  }
}
