import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildSync } from 'esbuild'

/** The pages' scripts and styles, as the text inlined into each page. */
export interface PageAssets {
  pageCss: string
  checkoutCss: string
  dashboardCss: string
  notFoundCss: string
  checkoutScript: string
  dashboardScript: string
  /** The sandbox's icon, an SVG document. */
  faviconSvg: string
}

/**
 * Reads `styles/*.css` and bundles `client/*.ts` into plain ES2017 scripts. Runs on
 * first use when the sandbox runs from source (`pnpm dev`, vitest), and once at build
 * time for `dist` (see vite.config.ts), so the published package needs no compiler.
 */
export function compilePageAssets(pagesDir: string = fileURLToPath(new URL('.', import.meta.url))): PageAssets {
  const css = (name: string) => inlineSafe(readFileSync(join(pagesDir, 'styles', name), 'utf8'), name, '</style')
  const script = (name: string) => {
    const result = buildSync({
      entryPoints: [join(pagesDir, 'client', name)],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2017',
      platform: 'browser',
      charset: 'utf8',
      legalComments: 'none',
      logLevel: 'silent',
    })
    return inlineSafe(result.outputFiles[0]!.text, name, '</script')
  }
  return {
    pageCss: css('page.css'),
    checkoutCss: css('checkout.css'),
    dashboardCss: css('dashboard.css'),
    notFoundCss: css('not-found.css'),
    checkoutScript: script('checkout.ts'),
    dashboardScript: script('dashboard.ts'),
    faviconSvg: readFileSync(join(pagesDir, 'styles', 'favicon.svg'), 'utf8').trim(),
  }
}

// Inlined text must not end its own element early.
function inlineSafe(text: string, name: string, end: string): string {
  if (text.toLowerCase().includes(end) || text.includes('<!--')) throw new Error(`Sandbox page asset ${name} contains "${end}" or "<!--", which would end its inline element early.`)
  return text
}
