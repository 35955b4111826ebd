import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = new URL('..', import.meta.url).pathname
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? sourceFiles(path) : /\.(ts|css)$/.test(entry.name) ? [path] : []
  })

// An import of the client would let a wrong shape in it be mirrored by the emulator that tests it.
const CLIENT_IMPORT = /(?:^\s*(?:import|export)\b[^'"`;()=]*?\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)['"](?:@payfect\/server|[./]*server\/src)/m

describe('the sandbox is independent of the client it tests', () => {
  it('imports nothing from @payfect/server in src', () => {
    const files = sourceFiles(join(root, 'src'))
    expect(files.length).toBeGreaterThan(10)
    expect(files.filter((file) => CLIENT_IMPORT.test(readFileSync(file, 'utf8'))).map((f) => f.slice(root.length))).toEqual([])
  })

  it('does not depend on @payfect/server at run time', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; peerDependencies?: Record<string, string> }
    expect(Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })).not.toContain('@payfect/server')
  })

  it('the check would catch an import', () => {
    expect(CLIENT_IMPORT.test("import { fernet } from '@payfect/server'")).toBe(true)
    expect(CLIENT_IMPORT.test("import type {\n  Checkout,\n} from '@payfect/server'")).toBe(true)
    expect(CLIENT_IMPORT.test("const x = await import('@payfect/server')")).toBe(true)
    expect(CLIENT_IMPORT.test("export function page() {\n  const snippet = `import { Payfect } from '@payfect/server'`")).toBe(false)
  })
})
