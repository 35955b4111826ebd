import { readFileSync } from 'node:fs'
import { defineConfig, type Plugin } from 'vite'

// Everything the package imports from npm stays an import: the app's bundler dedupes it.
const external = /^(react|react-dom|@radix-ui\/[^/]+|swr|clsx)(\/.*)?$/

/** Ships the one stylesheet as-is: it is plain CSS, there is nothing to compile. */
function copyStyles(): Plugin {
  return {
    name: 'payfect:copy-styles',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'styles.css', source: readFileSync(new URL('src/styles.css', import.meta.url), 'utf8') })
    },
  }
}

// Library build: ESM, one output module per source module, so each file keeps its
// own "use client" directive and CheckoutModal stays a separate, lazily loaded chunk.
export default defineConfig({
  plugins: [copyStyles()],
  build: {
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: true,
    minify: false,
    lib: { entry: 'src/index.ts', formats: ['es'] },
    rolldownOptions: {
      external: (id) => external.test(id),
      // Rolldown warns that bundling may drop "use client"; preserveModules keeps it (checked in dist).
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning)
      },
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
})
