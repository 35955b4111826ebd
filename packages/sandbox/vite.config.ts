import { defineConfig } from 'vite'
import { libraryBuild } from '../../scripts/library-build.ts'

// A Node library and CLI: `dist/cli.js` is what `bin/payfect-sandbox.js` runs once published.
export default defineConfig({
  build: libraryBuild({ entry: { index: 'src/index.ts', cli: 'src/cli.ts' }, target: 'node20', ssr: true }),
})
