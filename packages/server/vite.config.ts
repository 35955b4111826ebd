import { defineConfig } from 'vite'
import { libraryBuild } from '../../scripts/library-build.ts'

// Runs on Node, Bun, Deno and edge runtimes: web standards only, built for ES2022.
// `node` (@payfect/server/node, toNodeHandler) is the one Node-only entry, kept out of the edge one.
export default defineConfig({
  build: libraryBuild({ entry: { index: 'src/index.ts', node: 'src/node.ts' } }),
})
