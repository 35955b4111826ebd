/** The environment variables the handlers read when an option is left out. */
export type PayfectEnv = Readonly<Record<string, string | undefined>>

/** `process.env` where there is one (Node, Bun, Deno with compat), else nothing: Workers pass `env`. */
export function defaultEnv(): PayfectEnv {
  const process = (globalThis as { process?: { env?: PayfectEnv } }).process
  return process?.env ?? {}
}

/** The option when given, else the variable, trimmed (`.env` files leave newlines); `undefined` when empty. */
export function setting(option: string | undefined, env: PayfectEnv, name: string): string | undefined {
  const value = option ?? env[name]
  return typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value
}

/** Not production: a loopback origin may stand in for `publicOrigin`, and refusals are logged with their fix. */
export const isDevelopment = (env: PayfectEnv): boolean => env.NODE_ENV !== 'production'

const warned = new Set<string>()

/** Logs a development hint once per process, prefixed like every line of this package. */
export function warnOnce(message: string): void {
  if (warned.has(message)) return
  warned.add(message)
  console.warn(`[@payfect/server] ${message}`)
}
