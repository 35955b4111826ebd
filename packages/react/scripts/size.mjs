// Measures what @payfect/react adds to an app, as a merchant's Vite build would
// bundle it: minified, production, dependencies (react, Radix, swr, clsx) left out.
// Run `pnpm --filter @payfect/react size` after `build`.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'

const root = new URL('..', import.meta.url).pathname
const external = /^(react|react-dom|@radix-ui\/[^/]+|swr|clsx)(\/.*)?$/
const cases = {
  'everything (export *)': "export * from '@payfect/react'",
  'CheckoutButton only (+ PayfectProvider)': "export { PayfectProvider, CheckoutButton } from '@payfect/react'",
}

const work = await mkdtemp(join(tmpdir(), 'payfect-size-'))
const gz = (text) => gzipSync(text, { level: 9 }).length
try {
  for (const [name, source] of Object.entries(cases)) {
    const entry = join(root, `.size-entry.js`)
    await writeFile(entry, `${source}\n`)
    const outDir = join(work, String(Object.keys(cases).indexOf(name)))
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir,
        emptyOutDir: true,
        minify: true,
        target: 'es2022',
        lib: { entry, formats: ['es'], fileName: 'entry' },
        rolldownOptions: { external: (id) => external.test(id), onwarn() {} },
      },
    })
    await rm(entry)
    // First paint = entry.js plus every chunk it reaches through static imports;
    // chunks reached only through import() load later (on hover, focus or click).
    const texts = new Map()
    for (const file of (await readdir(outDir)).filter((f) => f.endsWith('.js'))) texts.set(file, await readFile(join(outDir, file), 'utf8'))
    const eagerFiles = new Set()
    const visit = (file) => {
      if (eagerFiles.has(file) || !texts.has(file)) return
      eagerFiles.add(file)
      for (const [, spec] of texts.get(file).matchAll(/(?:^|[;}\n])\s*(?:import|export)\b[^'"()]*?from\s*["']\.\/([^"']+)["']/g)) visit(spec)
      for (const [, spec] of texts.get(file).matchAll(/(?:^|[;}\n])\s*import\s*["']\.\/([^"']+)["']/g)) visit(spec)
    }
    visit('entry.js')
    let eager = 0
    let lazy = 0
    const lines = []
    for (const [file, text] of texts) {
      const size = gz(text)
      const isLazy = !eagerFiles.has(file)
      if (isLazy) lazy += size
      else eager += size
      lines.push(`    ${file.padEnd(36)} ${String(size).padStart(6)} B gz${isLazy ? '  (lazy)' : ''}${text.includes('@radix-ui/react-dialog') ? '  (imports Radix Dialog)' : ''}`)
    }
    console.info(`${name}: total ${eager + lazy} B gz; first paint ${eager} B gz${lazy ? `, lazy chunks ${lazy} B gz (modal, popup tracking: loaded on hover, focus or click)` : ''}`)
    console.info(lines.join('\n'))
  }
  const css = await readFile(join(root, 'dist/styles.css'), 'utf8')
  console.info(`styles.css: ${gz(css)} B gz`)
} finally {
  await rm(work, { recursive: true, force: true })
}
