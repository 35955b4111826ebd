// `pnpm check:packages`: what npm would publish, checked the way a consumer meets it.
// For each publishable package under packages/: `pnpm pack` into a temp dir, then
//   - publint on the tarball (every message, suggestions included, is a failure),
//   - are-the-types-wrong on the tarball (node10, node16 CJS/ESM, bundler),
//   - the packed package.json: no `@payfect/source` condition, no `workspace:` ranges,
//   - the tarball installed in a scratch consumer loads with require() and import(), both
//     giving the same exports (and @payfect/react renders on the server from both builds),
//   - for @payfect/react: no `Api-Key`, no `@payfect/server` import and no Node built-in
//     in any packed file (the browser bundle must never carry server code or secrets), and
//     every "use client" module of src/ still starts with the directive in dist, ESM and CJS.
// Needs `pnpm build` first. Exits 1 on any problem.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'

const root = join(import.meta.dirname, '..')
const attw = join(root, 'node_modules/.bin/attw')

interface PackageJson {
  name: string
  private?: boolean
  exports?: unknown
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.error) throw result.error
  return result
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* walk(path)
    else yield path
  }
}

const builtins = new Set(builtinModules.filter((name) => !name.startsWith('_')))
const specifierPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])([^'"]+)\1/g

/** Problems a browser package must never have: server code, the API key scheme, Node built-ins. */
function browserSafetyProblems(file: string, text: string): string[] {
  const problems: string[] = []
  if (text.includes('Api-Key')) problems.push(`${file}: contains "Api-Key" (the Payfect secret-key header belongs on the server)`)
  for (const match of text.matchAll(specifierPattern)) {
    const specifier = match[2]!
    if (specifier === '@payfect/server' || specifier.startsWith('@payfect/server/')) {
      problems.push(`${file}: imports "${specifier}" (server code in the browser package)`)
    } else if (specifier.startsWith('node:') || builtins.has(specifier.split('/')[0]!)) {
      problems.push(`${file}: imports the Node built-in "${specifier}"`)
    }
  }
  return problems
}

/** Every source module that starts with "use client" must still start with it in dist, ESM and CJS alike. */
function useClientProblems(sourceDir: string, packageDir: string): string[] {
  const problems: string[] = []
  const directive = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use client['"]/
  for (const file of walk(join(sourceDir, 'src'))) {
    if (!/\.tsx?$/.test(file) || /\.test(-d)?\.tsx?$/.test(file) || !directive.test(readFileSync(file, 'utf8'))) continue
    const stem = relative(join(sourceDir, 'src'), file).replace(/\.tsx?$/, '')
    for (const ext of ['.js', '.cjs']) {
      const built = join(packageDir, 'dist', stem + ext)
      if (!existsSync(built)) problems.push(`@payfect/react: dist/${stem}${ext} is missing (src/${relative(join(sourceDir, 'src'), file)} is a "use client" module)`)
      else if (!directive.test(readFileSync(built, 'utf8'))) problems.push(`@payfect/react: dist/${stem}${ext} lost its "use client" directive`)
    }
  }
  return problems
}

// Run by node in a consumer directory where the unpacked tarball is installed as node_modules/<name>.
const consumerScript = `
import { createRequire } from 'node:module'
const name = process.argv[1]
const require = createRequire(process.cwd() + '/consumer.cjs')
const cjs = require(name)
const esm = await import(name)
const names = (module) => Object.keys(module).filter((key) => key !== 'default' && key !== '__esModule' && key !== 'module.exports').sort().join(',')
if (names(cjs) !== names(esm)) throw new Error('require() gives [' + names(cjs) + '] but import gives [' + names(esm) + ']')
if (name === '@payfect/react') {
  const React = require('react')
  const { renderToString } = require('react-dom/server')
  for (const [format, m] of [['CommonJS', cjs], ['ESM', esm]]) {
    const html = renderToString(React.createElement(m.PayfectProvider, null, React.createElement(m.CheckoutButton, { items: [{ price: 'pro' }] }, 'Pay')))
    if (!html.includes('data-status="idle"')) throw new Error(format + ' build rendered ' + html)
  }
}
`

/** Installs the unpacked package in a scratch consumer and loads it with require() and import(). */
function consumerProblems(pkg: PackageJson, sourceDir: string, packageDir: string, workDir: string): string[] {
  // The tarball's dependencies come from the workspace's install, as a consumer's would from theirs.
  if (existsSync(join(sourceDir, 'node_modules'))) symlinkSync(join(sourceDir, 'node_modules'), join(packageDir, 'node_modules'), 'dir')
  const consumer = mkdtempSync(join(workDir, 'consumer-'))
  const modules = join(consumer, 'node_modules')
  mkdirSync(join(modules, ...pkg.name.split('/').slice(0, -1)), { recursive: true })
  symlinkSync(packageDir, join(modules, pkg.name), 'dir')
  for (const peer of Object.keys(pkg.peerDependencies ?? {})) symlinkSync(join(sourceDir, 'node_modules', peer), join(modules, peer), 'dir')
  const loaded = spawnSync(process.execPath, ['--input-type=module', '-e', consumerScript, pkg.name], { cwd: consumer, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } })
  if (loaded.status === 0) return []
  return [`${pkg.name}: loading the packed package failed:\n${(loaded.stderr || loaded.stdout).split('\n').slice(0, 8).join('\n')}`]
}

async function checkPackage(dir: string, workDir: string): Promise<string[]> {
  const problems: string[] = []
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson
  if (!existsSync(join(dir, 'dist'))) return [`${pkg.name}: no dist/ — run \`pnpm build\` first.`]

  const packDir = mkdtempSync(join(workDir, 'pack-'))
  const packed = run('pnpm', ['pack', '--pack-destination', packDir], dir)
  if (packed.status !== 0) return [`${pkg.name}: pnpm pack failed:\n${packed.stderr}`]
  const tarball = readdirSync(packDir).find((name) => name.endsWith('.tgz'))
  if (!tarball) return [`${pkg.name}: pnpm pack wrote no .tgz into ${packDir}`]
  const tarballPath = join(packDir, tarball)

  // publint, on exactly the bytes npm would upload.
  const data = readFileSync(tarballPath)
  const lint = await publint({ pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) }, level: 'suggestion', strict: true })
  for (const message of lint.messages) {
    problems.push(`${pkg.name}: publint ${message.type} ${message.code}: ${formatMessage(message, lint.pkg, { color: false }) ?? ''}`)
  }

  // are-the-types-wrong; a CSS subpath has no types to check, so it is left out.
  const cssEntrypoints = Object.keys((pkg.exports ?? {}) as Record<string, unknown>).filter((key) => key.endsWith('.css'))
  const attwArgs = [tarballPath, '--format', 'json', ...(cssEntrypoints.length ? ['--exclude-entrypoints', ...cssEntrypoints] : [])]
  const types = run(attw, attwArgs, root)
  try {
    const report = JSON.parse(types.stdout) as { analysis: { problems?: Array<{ kind: string; entrypoint?: string; resolutionKind?: string }> } }
    for (const problem of report.analysis.problems ?? []) {
      problems.push(`${pkg.name}: attw ${problem.kind}${problem.entrypoint ? ` at "${problem.entrypoint}"` : ''}${problem.resolutionKind ? ` (${problem.resolutionKind})` : ''}`)
    }
  } catch {
    problems.push(`${pkg.name}: attw did not report JSON (exit ${types.status}):\n${types.stdout}${types.stderr}`)
  }

  // What the tarball holds, file by file.
  const unpacked = join(packDir, 'unpacked')
  run('mkdir', ['-p', unpacked], root)
  const untar = run('tar', ['-xzf', tarballPath, '-C', unpacked], root)
  if (untar.status !== 0) return [...problems, `${pkg.name}: could not unpack ${tarball}: ${untar.stderr}`]
  const packageDir = join(unpacked, 'package')
  const manifest = readFileSync(join(packageDir, 'package.json'), 'utf8')
  if (manifest.includes('@payfect/source')) problems.push(`${pkg.name}: the packed package.json still has the monorepo-only "@payfect/source" condition`)
  if (manifest.includes('workspace:')) problems.push(`${pkg.name}: the packed package.json has a workspace: range`)
  problems.push(...consumerProblems(pkg, dir, packageDir, packDir))

  if (pkg.name === '@payfect/react') {
    const packedPkg = JSON.parse(manifest) as PackageJson
    if (packedPkg.dependencies?.['@payfect/server'] || packedPkg.peerDependencies?.['@payfect/server']) {
      problems.push('@payfect/react: depends on @payfect/server')
    }
    problems.push(...useClientProblems(dir, packageDir))
    for (const file of walk(packageDir)) {
      if (!/\.(c|m)?(j|t)sx?$|\.d\.c?ts$|\.css$|\.map$/.test(file)) continue
      problems.push(...browserSafetyProblems(`@payfect/react: ${relative(join(unpacked, 'package'), file)}`, readFileSync(file, 'utf8')))
    }
  }

  const files = [...walk(packageDir)].length
  console.info(`${problems.length ? '✗' : '✓'} ${pkg.name}  ${tarball}  ${(data.byteLength / 1024).toFixed(1)} kB packed, ${files} files`)
  return problems
}

const workDir = mkdtempSync(join(tmpdir(), 'payfect-check-packages-'))
const problems: string[] = []
try {
  for (const name of readdirSync(join(root, 'packages')).sort()) {
    const dir = join(root, 'packages', name)
    if (!existsSync(join(dir, 'package.json'))) continue
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson
    if (pkg.private) continue
    problems.push(...(await checkPackage(dir, workDir)))
  }
} finally {
  rmSync(workDir, { recursive: true, force: true })
}

if (problems.length) {
  console.error(`\n${problems.length} problem(s):\n${problems.map((line) => `  - ${line}`).join('\n')}`)
  process.exit(1)
}
console.info('\npublint and are-the-types-wrong: no problems; @payfect/react carries no server code, no Api-Key, no Node built-ins, and keeps "use client" in ESM and CJS; every tarball loads with require() and import().')
