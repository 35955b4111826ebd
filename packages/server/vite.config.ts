import { defineConfig } from 'vite'
import { libraryBuild } from '../../scripts/library-build.ts'

// Runs on Node, Bun, Deno and edge runtimes: web standards only, built for ES2022.
export default defineConfig({
  build: libraryBuild({ entry: { index: 'src/index.ts' } }),
})
