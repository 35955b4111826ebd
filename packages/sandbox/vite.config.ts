import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import { libraryBuild } from '../../scripts/library-build.ts'
import { compilePageAssets } from './src/pages/compile-assets.ts'

const pagesDir = fileURLToPath(new URL('./src/pages/', import.meta.url))

// The pages' scripts and styles are real .ts/.css files; from source they compile on
// first use, and here they are compiled once and inlined, so dist needs no compiler.
const inlinePageAssets: Plugin = {
  name: 'payfect-sandbox-page-assets',
  enforce: 'pre',
  load(id) {
    if (id.split('?')[0] !== join(pagesDir, 'assets.ts')) return undefined
    for (const dir of ['client', 'styles']) this.addWatchFile(join(pagesDir, dir))
    return `export function pageAssets() {\n  return ${JSON.stringify(compilePageAssets(pagesDir))}\n}\n`
  },
}

// A Node library and CLI: `dist/cli.js` is what `bin/payfect-sandbox.js` runs once published.
export default defineConfig({
  plugins: [inlinePageAssets],
  build: libraryBuild({ entry: { index: 'src/index.ts', cli: 'src/cli.ts' }, target: 'node20', ssr: true }),
})
