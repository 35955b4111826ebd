import { defineConfig } from 'vite'
import { libraryBuild } from '../../scripts/library-build.ts'

// Runs on Node, Bun, Deno and edge runtimes: web standards only, built for ES2022.
// `node` (toNodeHandler) is the one Node-only entry; each other entry is the smallest way in.
export default defineConfig({
  build: libraryBuild({
    entry: {
      index: 'src/index.ts',
      checkout: 'src/checkout/index.ts',
      webhooks: 'src/webhooks/index.ts',
      client: 'src/client/index.ts',
      node: 'src/node.ts',
      testing: 'src/testing.ts',
    },
  }),
})
