#!/usr/bin/env node
// The `payfect-sandbox` executable. A published install (no `src/`) runs the built
// `dist/cli.js`; inside the monorepo it always runs the TypeScript source through tsx,
// so a stale build is never used, with workspace packages resolved to their source via
// the `@payfect/source` condition.
import { existsSync } from 'node:fs'
import { register } from 'node:module'

const source = new URL('../src/cli.ts', import.meta.url)

if (!existsSync(source)) {
  const { main } = await import(new URL('../dist/cli.js', import.meta.url).href)
  await main()
} else {
  const { register: registerTsx } = await import('tsx/esm/api')
  registerTsx()
  // Registered after tsx, so it runs first and tsx resolves with the extra condition.
  const addSourceCondition = `export function resolve(specifier, context, next) {
    const conditions = context.conditions.includes('@payfect/source') ? context.conditions : [...context.conditions, '@payfect/source']
    return next(specifier, { ...context, conditions })
  }`
  register(`data:text/javascript,${encodeURIComponent(addSourceCondition)}`, import.meta.url)
  const { main } = await import('../src/cli.ts')
  await main()
}
