import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { startSandbox } from './start-sandbox'
import type { Sandbox, SandboxOptions } from './types'

const USAGE = `Usage: payfect-sandbox [options]

A local Payfect API, hosted checkout page and signed callbacks, for development and tests.

Options:
  -p, --port <port>            Port to listen on; 0 picks a free one        (default: 4010)
      --host <host>            Address to listen on                          (default: 127.0.0.1)
      --api-key <key>          The test API key              (env PAYFECT_SANDBOX_API_KEY; default: generated)
      --webhook-secret <key>   Fernet key callbacks are signed with
                                                      (env PAYFECT_SANDBOX_WEBHOOK_SECRET; default: generated)
      --callback-url <url>     Default callback URL for checkouts without callback_url
      --ttl-minutes <minutes>  How long a checkout stays open                (default: 30)
      --merchant-name <name>   The merchant name shoppers see                (default: Sandbox Merchant)
  -h, --help                   Show this help
  -v, --version                Show the version

Example:
  payfect-sandbox --port 4010 --callback-url http://127.0.0.1:3000/api/payfect/webhook`

/** What a run of the CLI prints to and reads from. */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: Record<string, string | undefined>
  /** Called with the running sandbox before its banner is printed. */
  started?: (sandbox: Sandbox) => void
}

/** The CLI's decision: print help or the version, refuse the arguments, or start with these options. */
export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'error'; message: string }
  | { kind: 'start'; options: SandboxOptions }

class UsageError extends Error {}

/** Parses `payfect-sandbox` arguments (flags override environment variables). Never throws. */
export function parseCli(argv: readonly string[], env: CliIo['env']): CliCommand {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        'api-key': { type: 'string' },
        'webhook-secret': { type: 'string' },
        'callback-url': { type: 'string' },
        'ttl-minutes': { type: 'string' },
        'merchant-name': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    })
    if (values.help) return { kind: 'help' }
    if (values.version) return { kind: 'version' }
    const options: SandboxOptions = { port: port(values.port ?? '4010'), host: values.host ?? '127.0.0.1' }
    const apiKey = values['api-key'] ?? nonEmpty(env.PAYFECT_SANDBOX_API_KEY)
    if (apiKey !== undefined) {
      if (!/^\S{8,200}$/.test(apiKey)) throw new UsageError('--api-key (or PAYFECT_SANDBOX_API_KEY) must be 8 to 200 characters without spaces.')
      options.apiKey = apiKey
    }
    const secret = values['webhook-secret'] ?? nonEmpty(env.PAYFECT_SANDBOX_WEBHOOK_SECRET)
    if (secret !== undefined) {
      if (!/^[A-Za-z0-9_-]{43}=$/.test(secret)) {
        throw new UsageError('--webhook-secret (or PAYFECT_SANDBOX_WEBHOOK_SECRET) must be a Fernet key: base64url of 32 bytes, 44 characters ending in "=". Leave it out to get a fresh one.')
      }
      options.webhookSecret = secret
    }
    if (values['callback-url'] !== undefined) options.callbackUrl = httpUrl(values['callback-url'])
    if (values['ttl-minutes'] !== undefined) options.checkoutTtlMs = minutes(values['ttl-minutes']) * 60_000
    if (values['merchant-name'] !== undefined) options.merchantName = values['merchant-name']
    return { kind: 'start', options }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      return { kind: 'error', message: error.message }
    }
    throw error
  }
}

function port(text: string): number {
  const n = Number(text)
  if (!/^\d+$/.test(text) || n > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got "${text}".`)
  return n
}

function minutes(text: string): number {
  const n = Number(text)
  if (!/^\d+(\.\d+)?$/.test(text) || n <= 0) throw new UsageError(`--ttl-minutes must be a positive number of minutes, got "${text}".`)
  return n
}

function httpUrl(text: string): string {
  try {
    const url = new URL(text)
    if (url.protocol === 'http:' || url.protocol === 'https:') return text
  } catch {
    // reported below
  }
  throw new UsageError(`--callback-url must be an absolute http(s) URL like http://127.0.0.1:3000/api/payfect/webhook, got "${text}".`)
}

const nonEmpty = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined)

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
  const command = parseCli(argv, io.env)
  if (command.kind === 'help') return io.stdout(`${USAGE}\n`), 0
  if (command.kind === 'version') return io.stdout(`${version()}\n`), 0
  if (command.kind === 'error') {
    io.stderr(`payfect-sandbox: ${command.message}\nRun "payfect-sandbox --help" for usage.\n`)
    return 2
  }
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
  const ttl = (options.checkoutTtlMs ?? 30 * 60_000) / 60_000
  io.stdout(
    [
      `Payfect sandbox ${version()} listening on ${sandbox.url}`,
      '',
      `  API base        ${sandbox.apiBase}`,
      `  API key         ${sandbox.apiKey}`,
      `  Webhook secret  ${sandbox.webhookSecret}`,
      `  Dashboard       ${sandbox.url}/_sandbox`,
      `  Callbacks       ${options.callbackUrl ?? 'to each checkout\'s callback_url (none by default: pass --callback-url)'}`,
      `  Checkouts       expire after ${ttl} minute${ttl === 1 ? '' : 's'}`,
      '',
      'Test keys only: this sandbox is not Payfect and moves no money. Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  )
  if (!isLoopback(options.host ?? '127.0.0.1')) {
    io.stderr(`payfect-sandbox: warning: listening on ${options.host}; anyone who can reach it can use the unauthenticated /_sandbox controls.\n`)
  }
  return sandbox
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
