import { readFileSync } from 'node:fs'
import { parseCli, USAGE } from './cli-args'
import { runControl } from './cli-control'
import { startSandbox } from './start-sandbox'
import type { Sandbox, SandboxOptions } from './types'

export { parseCli, USAGE } from './cli-args'
export type { CliCommand } from './cli-args'

/** What a run of the CLI prints to and reads from. */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: Record<string, string | undefined>
  /** The directory the keys file is resolved against (the shell's, for the executable). */
  cwd: string
  /** Called with the running sandbox before its banner is printed. */
  started?: (sandbox: Sandbox) => void
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}

/**
 * Runs the CLI: parses arguments, starts the sandbox and prints what a merchant
 * needs to point at it. Resolves with the exit code for help, version and bad
 * arguments, or with the running sandbox.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number | Sandbox> {
  const command = parseCli(argv, io.env, io.cwd)
  if (command.kind === 'help') return io.stdout(`${USAGE}\n`), 0
  if (command.kind === 'version') return io.stdout(`${version()}\n`), 0
  if (command.kind === 'error') {
    io.stderr(`payfect-sandbox: ${command.message}\nRun "payfect-sandbox --help" for usage.\n`)
    return 2
  }
  if (command.kind === 'control') return runControl(command.command, io)
  const { options } = command
  let sandbox: Sandbox
  try {
    sandbox = await startSandbox(options)
  } catch (error) {
    const code = error && typeof error === 'object' && 'code' in error ? error.code : undefined
    if (code === 'EADDRINUSE') {
      io.stderr(`payfect-sandbox: port ${options.port} on ${options.host} is already in use. Stop the other process, or pass --port 0 for a free port.\n`)
    } else if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EACCES') {
      io.stderr(`payfect-sandbox: cannot listen on ${options.host}:${options.port} (${String(code)}). Check --host and --port.\n`)
    } else {
      io.stderr(`payfect-sandbox: ${error instanceof Error ? error.message.replace(/^startSandbox: /, '') : String(error)}\n`)
    }
    return 1
  }
  io.started?.(sandbox)
  io.stdout(banner(sandbox, options))
  if (!isLoopback(options.host ?? '127.0.0.1')) {
    io.stderr(`payfect-sandbox: warning: listening on ${options.host}; anyone who can reach it can use the unauthenticated /_sandbox controls.\n`)
  }
  return sandbox
}

function banner(sandbox: Sandbox, options: SandboxOptions): string {
  const ttl = (options.checkoutTtlMs ?? 30 * 60_000) / 60_000
  const state = sandbox.state()
  const keys = sandbox.keysFile
    ? `${sandbox.keysFile.written ? 'saved to' : 'reused from'} ${sandbox.keysFile.path} (kept across restarts; --fresh-keys for new ones)`
    : 'made for this run only'
  return [
    `Payfect sandbox ${version()} listening on ${sandbox.url}`,
    '',
    `  Dashboard       ${sandbox.url}/_sandbox`,
    `  Callbacks       ${options.callbackUrl ? `${options.callbackUrl}, for checkouts created without callback_url` : "to each checkout's callback_url"}`,
    `  Checkouts       expire after ${ttl} minute${ttl === 1 ? '' : 's'}`,
    ...(options.framing && options.framing !== 'allow'
      ? [`  Framing         the hosted page refuses frames (${options.framing === 'deny' ? 'X-Frame-Options: DENY' : "frame-ancestors 'self'"}); a shop's modal must fall back`]
      : []),
    `  Fiat            quoted at ${Object.entries(state.rates).map(([code, rate]) => `${rate} ${code}`).join(', ')} per USDT; a fiat callback's amount is the ${state.settings.callbackAmount === 'usdt' ? 'USDT paid' : 'fiat total'}`,
    `  Keys            ${keys}`,
    '',
    'Paste into .env.local:',
    '',
    `PAYFECT_API_KEY=${sandbox.apiKey}`,
    `PAYFECT_API_BASE=${sandbox.apiBase}`,
    `PAYFECT_WEBHOOK_SECRET=${sandbox.webhookSecret}`,
    '',
    'Test keys only: this sandbox is not Payfect and moves no money. Press Ctrl+C to stop.',
    '',
  ].join('\n')
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.')
}

/** The `payfect-sandbox` executable: runs the CLI on `process.argv` and stops cleanly on SIGINT/SIGTERM. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    started: (running) => void (sandbox = running),
  }
  let sandbox: Sandbox | undefined
  let stopping = false
  // Installed before the banner is printed, so a signal sent as soon as it appears is handled.
  const stop = (signal: NodeJS.Signals) => {
    if (stopping || !sandbox) process.exit(130) // a second Ctrl+C, or one during startup: stop now
    stopping = true
    io.stdout(`\nReceived ${signal}, stopping the sandbox…\n`)
    // Exit even if a callback receiver keeps a connection open.
    setTimeout(() => process.exit(0), 3000).unref()
    void sandbox.close().then(() => {
      io.stdout('Sandbox stopped.\n')
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  const result = await runCli(argv, io)
  if (typeof result === 'number') {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
    process.exitCode = result
  }
}
