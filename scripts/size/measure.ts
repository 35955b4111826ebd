// One way to weigh a bundle, shared by `pnpm size` (budgets) and `pnpm bench` (anchors):
// esbuild bundles and minifies, then every output file that the page must load before it
// can run is gzipped at level 9 (node:zlib) and summed.
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type Metafile, type Plugin } from 'esbuild'

/** Never counted: the host page already ships React. */
export const REACT_EXTERNALS = ['react', 'react-dom', 'react/*', 'react-dom/*']

export interface MeasureOptions {
  /** Source of the entry module, e.g. `import { CheckoutButton } from './dist/index.js'`. */
  contents: string
  /** Directory the entry's imports resolve from. */
  resolveDir: string
  /**
   * `'own'`: the package the entry imports is bundled, but every bare import inside it stays
   * external (its own code only); `'all'`: its dependencies are bundled too.
   */
  dependencies: 'own' | 'all'
  /** Extra externals (react and react-dom are always external). */
  external?: string[]
  /** Split dynamic imports into chunks and count only what loads before first paint. */
  splitting?: boolean
  platform?: 'browser' | 'neutral' | 'node'
  conditions?: string[]
}

export interface Measurement {
  /** Gzipped bytes (level 9) of the counted output files. */
  gzip: number
  /** Minified bytes of the counted output files. */
  minified: number
  /** Counted output files (the initial chunk and its static imports). */
  files: string[]
  /** Lazily loaded bytes left out of the figure (gzipped), when splitting. */
  lazyGzip: number
  metafile: Metafile
}

const entryName = 'payfect-size-entry'

function virtualEntry(contents: string, resolveDir: string): Plugin {
  return {
    name: 'virtual-entry',
    setup(builder) {
      builder.onResolve({ filter: new RegExp(`^${entryName}$`) }, () => ({ path: entryName, namespace: 'size-entry' }))
      builder.onLoad({ filter: /.*/, namespace: 'size-entry' }, () => ({ contents, resolveDir, loader: 'tsx' }))
    },
  }
}

/** Bare imports from anywhere but the entry are the package's dependencies: left out. */
const dependenciesExternal: Plugin = {
  name: 'dependencies-external',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.namespace === 'size-entry' || args.kind === 'entry-point' ? undefined : { path: args.path, external: true },
    )
  },
}

export async function measure(options: MeasureOptions): Promise<Measurement> {
  const result = await build({
    entryPoints: [entryName],
    plugins: [virtualEntry(options.contents, options.resolveDir), ...(options.dependencies === 'own' ? [dependenciesExternal] : [])],
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    format: 'esm',
    target: 'es2020',
    splitting: options.splitting ?? false,
    outdir: '/size-out',
    platform: options.platform ?? 'browser',
    ...(options.conditions ? { conditions: options.conditions } : {}),
    external: [...REACT_EXTERNALS, ...(options.external ?? [])],
    define: { 'process.env.NODE_ENV': '"production"' },
    jsx: 'automatic',
    logLevel: 'silent',
    // A package that ships CSS would pull it into the JS measurement: leave stylesheets out.
    loader: { '.css': 'empty' },
  })

  const outputs = result.metafile.outputs
  const byPath = new Map(result.outputFiles.map((file) => [file.path, file.contents]))
  const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint?.endsWith(entryName))
  if (!entry) throw new Error('size: esbuild produced no output for the entry')

  // The entry chunk plus every chunk it imports statically: what first paint waits for.
  const counted = new Set<string>()
  const visit = (path: string) => {
    if (counted.has(path)) return
    counted.add(path)
    for (const imported of outputs[path]!.imports) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path)
    }
  }
  visit(entry)

  const gz = (path: string) => {
    const bytes = byPath.get(resolve(process.cwd(), path))
    if (!bytes) throw new Error(`size: no contents for ${path}`)
    return gzipSync(bytes, { level: 9 }).byteLength
  }
  const js = Object.keys(outputs).filter((path) => path.endsWith('.js'))
  let gzip = 0
  let minified = 0
  let lazyGzip = 0
  for (const path of js) {
    if (counted.has(path)) {
      gzip += gz(path)
      minified += outputs[path]!.bytes
    } else {
      lazyGzip += gz(path)
    }
  }
  return { gzip, minified, files: [...counted], lazyGzip, metafile: result.metafile }
}

/** The heaviest inputs of the counted outputs, for "what is heavy?" reports. */
export function heaviestInputs(measurement: Measurement, count = 8): Array<{ input: string; bytes: number }> {
  const totals = new Map<string, number>()
  for (const path of measurement.files) {
    for (const [input, { bytesInOutput }] of Object.entries(measurement.metafile.outputs[path]!.inputs)) {
      totals.set(input, (totals.get(input) ?? 0) + bytesInOutput)
    }
  }
  return [...totals]
    .map(([input, bytes]) => ({ input: input.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, ''), bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count)
}

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`
