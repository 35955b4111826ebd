// Usage (from a package directory, after `tsc -p tsconfig.build.json` emitted into dist/):
//   node ../../scripts/inline-contract.mjs [dist]
//
// @payfect/contract is a private workspace module: vite bundles its code into
// dist/contract/src/, and this gives its declarations the same place, then points every
// `'@payfect/contract'` specifier in the package's declarations there, so the published
// types never name a package that isn't published (are-the-types-wrong stays clean).
// Run it before dual-declarations.mjs, which adds the extensions.
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const dist = resolve(process.argv[2] ?? 'dist')
const contract = resolve(dirname(fileURLToPath(import.meta.url)), '../packages/contract')
const target = join(dist, 'contract/src')
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* walk(path)
    else yield path
  }
}

let uses = 0
for (const file of walk(dist)) {
  if (!file.endsWith('.d.ts') || file.startsWith(target)) continue
  const source = readFileSync(file, 'utf8')
  if (!source.includes('@payfect/contract')) continue
  let specifier = relative(dirname(file), join(target, 'index')).replaceAll('\\', '/')
  if (!specifier.startsWith('.')) specifier = `./${specifier}`
  writeFileSync(file, source.replace(/(['"])@payfect\/contract\1/g, `$1${specifier}$1`))
  uses++
}
if (uses > 0) {
  execFileSync(process.execPath, [tsc, '-p', join(contract, 'tsconfig.build.json'), '--outDir', target], { stdio: 'inherit' })
}
console.info(`inline-contract: ${uses} declaration files use @payfect/contract${uses ? `; its declarations are in ${relative(process.cwd(), target)}` : ''}`)
