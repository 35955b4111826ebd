import { fileURLToPath } from 'node:url'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  /* config options here */
  cacheComponents: true,
  partialPrefetching: true,
  turbopack: {
    rules: {
      '*.css': {
        loaders: ['@tailwindcss/turbopack'],
        as: '*.css',
      },
    },
    // Inside this monorepo only (an app installing the packages from npm needs none of this):
    // the workspace packages resolve to their TypeScript source, so no `pnpm build` first.
    root: fileURLToPath(new URL('../..', import.meta.url)),
    resolveAlias: {
      '@payfect/react': '../../packages/react/src/index.ts',
      '@payfect/react/styles.css': '../../packages/react/src/styles.css',
      '@payfect/server': '../../packages/server/src/index.ts',
    },
  },
  transpilePackages: ['@payfect/react', '@payfect/server', '@payfect/contract'],
}

export default nextConfig
