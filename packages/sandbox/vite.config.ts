import { defineConfig } from 'vite'

// Library build for Node: ESM, one output module per source module, nothing from
// node_modules or Node bundled. `dist/cli.js` is what `bin/payfect-sandbox.js` runs
// once published. Declarations come from `tsc -p tsconfig.build.json`, then
// scripts/dual-declarations.mjs gives them explicit extensions and `.d.cts` twins.
export default defineConfig({
  build: {
    target: 'node20',
    ssr: true,
    sourcemap: true,
    emptyOutDir: true,
    minify: false,
    lib: {
      entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
      // CommonJS too (issue 7): `require('@payfect/sandbox')` from Jest or CJS test setups.
      formats: ['es', 'cjs'],
      fileName: (format, name) => `${name}.${format === 'es' ? 'js' : 'cjs'}`,
    },
    rolldownOptions: {
      external: (id) => !/^[./\0]/.test(id) && !id.startsWith('@oxc-project/runtime') && !/^[A-Za-z]:[\\/]/.test(id),
      output: { preserveModules: true, preserveModulesRoot: 'src' },
    },
  },
})
