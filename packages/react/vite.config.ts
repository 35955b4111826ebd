import { existsSync, readFileSync } from 'node:fs'
import { defineConfig, type Plugin } from 'vite'

// Library build: ESM (`.js`) and CommonJS (`.cjs`) side by side, one output module per
// source module so each keeps its own "use client" directive and the lazily loaded modal
// stays a separate module; source maps; react, Radix, swr and clsx stay external.
// Declarations come after: `tsc -p tsconfig.build.json` + scripts/dual-declarations.mjs.
// CommonJS is built too (issue 7): Jest and older Node/SSR setups `require()` the package;
// `pnpm check:packages` verifies both with publint and are-the-types-wrong.

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
  build: {
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: true,
    minify: false,
    lib: {
      entry: { index: 'src/index.ts' },
      formats: ['es', 'cjs'],
      fileName: (format, name) => `${name}.${format === 'es' ? 'js' : 'cjs'}`,
    },
    rolldownOptions: {
      // Dependencies stay external, but a syntax helper the compiler injects is bundled, never imported.
      external: (id) => !/^[./\0]/.test(id) && !id.startsWith('@oxc-project/runtime'),
      // preserveModules keeps each module's directive, so the "may not be preserved" warning does not apply.
      onLog: (level, log, handler) => (log.code === 'MODULE_LEVEL_DIRECTIVE' ? undefined : handler(level, log)),
      output: { preserveModules: true, preserveModulesRoot: 'src' },
    },
  },
})
