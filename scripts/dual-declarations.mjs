// Usage (from a package directory, after `tsc -p tsconfig.build.json` emitted into dist/):
//   node ../../scripts/dual-declarations.mjs [dist]
//
// tsc writes `.d.ts` files whose relative imports have no extension (`from './errors'`), as
// our `moduleResolution: "Bundler"` sources do. Node16/NodeNext consumers cannot resolve those,
// and a CommonJS consumer reading ESM-flavoured `.d.ts` next to `.cjs` code gets types that
// "masquerade" as the wrong module format (are-the-types-wrong). So each declaration file is
// rewritten with explicit specifiers and given a twin:
//   errors.d.ts   imports './x.js'   — types of errors.js  (ESM)
//   errors.d.cts  imports './x.cjs'  — types of errors.cjs (CommonJS)
// Declaration maps are kept for both, so "go to definition" still lands in src/.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const dist = resolve(process.argv[2] ?? 'dist')

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* walk(path)
    else yield path
  }
}

// './errors' -> './errors' + ext, or './handler' -> './handler/index' + ext, whichever was emitted.
function withExtension(fromFile, specifier, ext) {
  const base = resolve(dirname(fromFile), specifier)
  if (existsSync(`${base}.d.ts`)) return `${specifier}${ext}`
  if (existsSync(join(base, 'index.d.ts'))) return `${specifier.replace(/\/$/, '')}/index${ext}`
  throw new Error(
    `dual-declarations: ${relative(process.cwd(), fromFile)} imports "${specifier}", which has no emitted declaration. ` +
      'Is it excluded from tsconfig.build.json?',
  )
}

function rewrite(file, source, ext) {
  // `from './x'`, `import './x'` and `import('./x')` — relative specifiers only, bare ones are left alone.
  return source.replace(/(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g, (match, lead, quote, specifier) =>
    /\.(c|m)?js$/.test(specifier) ? match : `${lead}${quote}${withExtension(file, specifier, ext)}${quote}`,
  )
}

let count = 0
for (const file of walk(dist)) {
  if (!file.endsWith('.d.ts')) continue
  const source = readFileSync(file, 'utf8')
  const name = file.slice(dirname(file).length + 1)
  const ctsName = name.replace(/\.d\.ts$/, '.d.cts')

  writeFileSync(file, rewrite(file, source, '.js'))
  const cts = rewrite(file, source, '.cjs').replace(
    /\/\/# sourceMappingURL=.*\.d\.ts\.map\s*$/,
    `//# sourceMappingURL=${ctsName}.map`,
  )
  writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), cts)

  const map = `${file}.map`
  if (existsSync(map)) {
    const json = JSON.parse(readFileSync(map, 'utf8'))
    writeFileSync(`${file.replace(/\.d\.ts$/, '.d.cts')}.map`, JSON.stringify({ ...json, file: ctsName }))
  }
  count++
}
if (count === 0) throw new Error(`dual-declarations: no .d.ts files under ${dist}; run tsc -p tsconfig.build.json first.`)
console.info(`dual-declarations: ${count} declaration files, each as .d.ts (ESM) and .d.cts (CommonJS)`)
