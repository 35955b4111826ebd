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
    // Where preserveModules puts it depends on the directory the build runs from.
    const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    const assetsFile = join(outDir, files.find((f) => f.replaceAll('\\', '/').endsWith('pages/assets.js'))!)
    expect(readFileSync(assetsFile, 'utf8')).not.toMatch(/esbuild|compile-assets|readFileSync/)
    expect(files.filter((f) => f.includes('compile-assets'))).toEqual([])
    const { pageAssets: fromDist } = (await import(pathToFileURL(assetsFile).href)) as { pageAssets: () => PageAssets }
    expect(fromDist()).toEqual(compilePageAssets())
  }, 60_000)
})
