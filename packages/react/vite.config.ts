import { existsSync, readFileSync } from 'node:fs'
import { defineConfig, type Plugin } from 'vite'
import { libraryBuild } from '../../scripts/library-build.ts'

// The shared library build (scripts/library-build.ts) plus the stylesheet and CommonJS
// interop below. CommonJS is built too: Jest and older Node/SSR setups `require()` the
// package; `pnpm check:packages` verifies both with publint and are-the-types-wrong.

/** Ships src/styles.css as dist/styles.css (`@payfect/react/styles.css`): plain CSS, not imported from JS. */
function stylesheet(): Plugin {
  return {
    name: 'payfect-stylesheet',
    generateBundle() {
      const source = new URL('src/styles.css', import.meta.url)
      if (!existsSync(source)) this.error('src/styles.css is missing: the package exports it as @payfect/react/styles.css')
      this.emitFile({ type: 'asset', fileName: 'styles.css', source: readFileSync(source, 'utf8') })
    },
  }
}

/**
 * CommonJS output interoperates with dependencies the way bundlers and `require` do (honouring
 * `__esModule`), not the way Node's ESM loader does: rolldown marks `__toESM(mod, 1)` ("node
 * mode") because this is a `"type": "module"` package, which makes `import useSWR from 'swr'`
 * yield swr's whole `module.exports` instead of its `exports.default` in the `.cjs` files.
 */
function bundlerInteropForCjs(): Plugin {
  return {
    name: 'payfect-cjs-interop',
    renderChunk(code, _chunk, options) {
      if (options.format !== 'cjs') return null
      return { code: code.replace(/(__toESM\([\w$]+), 1\)/g, '$1)'), map: null }
    },
  }
}

export default defineConfig({
  plugins: [stylesheet(), bundlerInteropForCjs()],
  build: libraryBuild({ entry: { index: 'src/index.ts', 'locales/zh-TW': 'src/locales/zh-TW.ts' } }),
})
