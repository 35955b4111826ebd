import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

/** Bundles client.tsx (React and @payfect/react included) into public/app.js, and its stylesheet into public/app.css. */
export async function buildClient(outfile = fileURLToPath(new URL('./public/app.js', import.meta.url))) {
  return build({
    entryPoints: [fileURLToPath(new URL('./client.tsx', import.meta.url))],
    outfile,
    bundle: true,
    format: 'esm',
    minify: true,
    jsx: 'automatic',
    // Inside the monorepo the workspace packages resolve to their TypeScript source.
    conditions: ['@payfect/source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildClient()
