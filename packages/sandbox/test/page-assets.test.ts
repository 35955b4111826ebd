import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { pageAssets } from '../src/pages/assets'
import { compilePageAssets, type PageAssets } from '../src/pages/compile-assets'

const root = fileURLToPath(new URL('..', import.meta.url))
const outDir = mkdtempSync(join(tmpdir(), 'payfect-sandbox-dist-'))
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

describe('the pages’ scripts and styles are real sources, compiled to inline text', () => {
  it('bundles each script into one plain ES2017 script with no module syntax', () => {
    const { checkoutScript, dashboardScript } = pageAssets()
    for (const script of [checkoutScript, dashboardScript]) {
      expect(script).toMatch(/^"use strict";\n\(\(\) => \{/)
      expect(script).not.toMatch(/^\s*(?:import|export)\b|\?\.|\?\?|<\/script/im)
      expect(() => new Function(script)).not.toThrow()
    }
    // The clipboard helper is bundled into both.
    expect(checkoutScript).toContain('execCommand("copy")')
    expect(dashboardScript).toContain('execCommand("copy")')
  })

  it('reads every stylesheet in styles/', () => {
    const assets = pageAssets()
    const files = readdirSync(join(root, 'src/pages/styles'))
    expect(files.sort()).toEqual(['checkout.css', 'dashboard.css', 'favicon.svg', 'not-found.css', 'page.css'])
    for (const file of files) expect(Object.values(assets).map((text) => text.trim())).toContain(readFileSync(join(root, 'src/pages/styles', file), 'utf8').trim())
  })

  it('inlines the same text into the published build, which needs no compiler', async () => {
    await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir, sourcemap: false } })
    const built = readFileSync(join(outDir, 'pages/assets.js'), 'utf8')
    expect(built).not.toMatch(/esbuild|compile-assets|readFileSync/)
    expect(readdirSync(join(outDir, 'pages')).filter((f) => f.startsWith('compile-assets'))).toEqual([])
    const { pageAssets: fromDist } = (await import(pathToFileURL(join(outDir, 'pages/assets.js')).href)) as { pageAssets: () => PageAssets }
    expect(fromDist()).toEqual(compilePageAssets())
  }, 60_000)
})
