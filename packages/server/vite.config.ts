import { defineConfig } from 'vite'

// Library build: ESM (`.js`) and CommonJS (`.cjs`) side by side, one output module per
// source module, source maps, nothing from node_modules or Node bundled.
// Declarations come after: `tsc -p tsconfig.build.json` + scripts/dual-declarations.mjs.
export default defineConfig({
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
      output: { preserveModules: true, preserveModulesRoot: 'src' },
    },
  },
})
