import { fileURLToPath } from 'node:url'
import type { NextConfig } from 'next'

// Inside this monorepo only: point the workspace packages at their TypeScript
// source, so the example builds without `pnpm build` first. A merchant's app
// installs @payfect/react and @payfect/server from npm and needs none of this.
const source = (path: string) => fileURLToPath(new URL(path, import.meta.url))

const nextConfig: NextConfig = {
  transpilePackages: ['@payfect/react', '@payfect/server'],
  turbopack: {
    root: source('../..'),
    resolveAlias: {
      '@payfect/react': '../../packages/react/src/index.ts',
      '@payfect/react/styles.css': '../../packages/react/src/styles.css',
      '@payfect/server': '../../packages/server/src/index.ts',
    },
  },
}

export default nextConfig
