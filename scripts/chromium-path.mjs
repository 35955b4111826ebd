import { existsSync } from 'node:fs'

/**
 * Where the browser tests find a Chromium (plain JS twin of `chromium.ts`'s
 * lookup, for scripts that run before any TypeScript loader):
 * `PAYFECT_CHROMIUM`, else Debian's `/usr/bin/chromium`, else Playwright's own.
 */
export function chromiumExecutable() {
  if (process.env.PAYFECT_CHROMIUM) return process.env.PAYFECT_CHROMIUM
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  return undefined
}
