import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, test } from 'vitest'
import pinned from './wire-strings.json'

// Where the contract is used: the kit, the route's code and the sandbox's hosted page. Payfect's
// own API literals (in the sandbox's API and the server's API client) are not the contract's.
const root = join(import.meta.dirname, '../../..')
const scanned = ['packages/react/src', 'packages/server/src/checkout', 'packages/server/src/payment.ts', 'packages/sandbox/src/pages']

function* files(path: string): Generator<string> {
  if (statSync(path).isFile()) {
    if (/\.(ts|tsx)$/.test(path)) yield path
    return
  }
  for (const name of readdirSync(path)) yield* files(join(path, name))
}

const quoted = (value: string) => new RegExp(`(['"\`])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1`)
const literals = [...Object.values(pinned.hostedMessage.types), 'checkout.cancel', ...pinned.fallbackReasons, ...pinned.hostedOrigins]
// Code only: JSDoc and comments may name the values they document.
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')

describe('the contract is written once', () => {
  const sources = scanned.flatMap((path) => [...files(join(root, path))]).map((file) => ({ file: relative(root, file), text: code(readFileSync(file, 'utf8')) }))

  test('the scanned places exist', () => {
    expect(sources.length).toBeGreaterThan(10)
  })

  test.each(literals)('%s is imported from @payfect/contract, not written again', (literal) => {
    const pattern = quoted(literal)
    expect(sources.filter(({ text }) => pattern.test(text)).map(({ file }) => file)).toEqual([])
  })

  test('one vocabulary: "cancelled", never "canceled"', () => {
    expect(sources.filter(({ text }) => /\bcanceled/i.test(text)).map(({ file }) => file)).toEqual([])
  })

  test('the error types are listed once', () => {
    const types = pinned.errorTypes.join('|')
    const list = new RegExp(`(['"])(${types})\\1\\s*[,|]\\s*(['"])(${types})\\3`)
    expect(sources.filter(({ text }) => list.test(text)).map(({ file }) => file)).toEqual([])
  })

  test('the statuses are listed once', () => {
    const list = /\[\s*(['"])open\1\s*,\s*(['"])complete\2\s*,\s*(['"])expired\3\s*\]/
    expect(sources.filter(({ text }) => list.test(text)).map(({ file }) => file)).toEqual([])
  })
})
