import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { CALLBACK_MODES } from './callback-mode'
import { CONTROL_ACTIONS, DEFAULT_SANDBOX_URL, type ControlAction, type ControlCommand } from './cli-control'
import { isFraming } from './framing'
import { isCallbackAmount } from './callback-amount'
import { DEFAULT_RATES, parseRates } from './currencies'
import { DEFAULT_KEYS_FILE } from './keys-file'
import type { SandboxOptions } from './types'

/** The text of `payfect-sandbox --help`. */
export const USAGE = `Usage: payfect-sandbox [options]
       payfect-sandbox <command> <id>... [--sandbox <url>]

A local Payfect API, hosted checkout page and signed callbacks, for development and tests.

Options:
  -p, --port <port>            Port to listen on; 0 picks a free one        (default: 4010)
      --host <host>            Address to listen on                          (default: 127.0.0.1)
      --api-key <key>          The test API key          (env PAYFECT_SANDBOX_API_KEY; default: kept in the keys file)
      --webhook-secret <key>   Fernet key callbacks are signed with
                                              (env PAYFECT_SANDBOX_WEBHOOK_SECRET; default: kept in the keys file)
      --keys-file <path>       Where the key, secret and merchant id are kept across restarts
                                                                      (default: ./${DEFAULT_KEYS_FILE})
      --fresh-keys             Make a new key and secret, replacing the keys file's
      --callback-url <url>     Callback URL for checkouts created without callback_url (optional)
      --framing <allow|deny|self>  Whether the hosted page may be framed: deny sends X-Frame-Options: DENY,
                               self sends frame-ancestors 'self' (leaving the shop out)  (default: allow)
      --rate <CODE=rate>       Units of TWD or CNY per 1 USDT that fiat checkouts are quoted at; repeat
                               for each currency                (default: TWD=${DEFAULT_RATES.TWD} CNY=${DEFAULT_RATES.CNY})
      --callback-amount <fiat|usdt>  What a fiat checkout's callback reports as amount (undocumented by
                               Payfect): the fiat total, or the USDT paid              (default: fiat)
      --ttl-minutes <minutes>  How long a checkout stays open                (default: 30)
      --merchant-name <name>   The merchant name shoppers see                (default: Sandbox Merchant)
  -h, --help                   Show this help
  -v, --version                Show the version

Commands, to rehearse failure against a running sandbox:
  pay <checkout-id>            Pay a checkout (--callback send|twice|late|hold|drop, --delay-ms <ms>)
  resend <checkout-id>         Send a paid checkout's callback again (same --callback choices)
  deliver <checkout-id>...     Deliver held callbacks, one after another in this order
  replay <delivery-id>...      Send past deliveries again, byte for byte (ids in /_sandbox/state)
  expire <checkout-id>         Expire an open checkout now
      --sandbox <url>          The running sandbox   (env PAYFECT_SANDBOX_URL; default: ${DEFAULT_SANDBOX_URL})

Example:
  payfect-sandbox --port 4010
  payfect-sandbox pay 3f1c… --callback hold && payfect-sandbox pay 9b2e… --callback hold
  payfect-sandbox deliver 9b2e… 3f1c…          # the second checkout's callback arrives first`

/** The CLI's decision: print help or the version, refuse the arguments, or start with these options. */
export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'error'; message: string }
  | { kind: 'start'; options: SandboxOptions }
  | { kind: 'control'; command: ControlCommand }

class UsageError extends Error {}

/** Parses `payfect-sandbox` arguments (flags override environment variables); the keys file is resolved against `cwd`. Never throws. */
export function parseCli(argv: readonly string[], env: Record<string, string | undefined>, cwd: string): CliCommand {
  try {
    const first = argv[0]
    if (first !== undefined && (CONTROL_ACTIONS as readonly string[]).includes(first)) return parseControl(first as ControlAction, argv.slice(1), env)
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        'api-key': { type: 'string' },
        'webhook-secret': { type: 'string' },
        'keys-file': { type: 'string' },
        'fresh-keys': { type: 'boolean' },
        'callback-url': { type: 'string' },
        'ttl-minutes': { type: 'string' },
        framing: { type: 'string' },
        rate: { type: 'string', multiple: true },
        'callback-amount': { type: 'string' },
        'merchant-name': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    })
    if (values.help) return { kind: 'help' }
    if (values.version) return { kind: 'version' }
    const keysFile = values['keys-file'] ?? DEFAULT_KEYS_FILE
    if (keysFile.trim() === '') throw new UsageError('--keys-file must be a file path, e.g. .payfect-sandbox.json.')
    const options: SandboxOptions = { port: port(values.port ?? '4010'), host: values.host ?? '127.0.0.1', keysFile: resolve(cwd, keysFile) }
    if (values['fresh-keys']) options.freshKeys = true
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
    if (values.framing !== undefined) {
      if (!isFraming(values.framing)) throw new UsageError(`--framing must be allow, deny or self; got "${values.framing}".`)
      options.framing = values.framing
    }
    if (values.rate !== undefined) options.rates = rates(values.rate)
    if (values['callback-amount'] !== undefined) {
      if (!isCallbackAmount(values['callback-amount'])) throw new UsageError(`--callback-amount must be fiat or usdt; got "${values['callback-amount']}".`)
      options.callbackAmount = values['callback-amount']
    }
    return { kind: 'start', options }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      return { kind: 'error', message: error.message }
    }
    throw error
  }
}

function parseControl(action: ControlAction, argv: readonly string[], env: Record<string, string | undefined>): CliCommand {
  const { values, positionals } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: true,
    options: { sandbox: { type: 'string' }, callback: { type: 'string' }, 'delay-ms': { type: 'string' } },
  })
  const what = action === 'replay' ? 'delivery id' : 'checkout id'
  if (positionals.length === 0) throw new UsageError(`${action} needs a ${what}, e.g. payfect-sandbox ${action} <${what.replace(' ', '-')}>.`)
  if (positionals.length > 1 && action !== 'deliver' && action !== 'replay') throw new UsageError(`${action} takes one ${what}; got ${positionals.length}.`)
  const command: ControlCommand = { action, ids: positionals, sandbox: sandboxUrl(values.sandbox ?? nonEmpty(env.PAYFECT_SANDBOX_URL) ?? DEFAULT_SANDBOX_URL) }
  if (values.callback !== undefined) {
    if (action !== 'pay' && action !== 'resend') throw new UsageError('--callback goes with pay or resend.')
    if (!(CALLBACK_MODES as readonly string[]).includes(values.callback)) throw new UsageError(`--callback must be one of ${CALLBACK_MODES.join(', ')}; got "${values.callback}".`)
    command.callback = values.callback as ControlCommand['callback'] & string
  }
  if (values['delay-ms'] !== undefined) {
    if (command.callback !== 'late') throw new UsageError('--delay-ms goes with --callback late.')
    if (!/^\d{1,7}$/.test(values['delay-ms'])) throw new UsageError(`--delay-ms must be whole milliseconds, got "${values['delay-ms']}".`)
    command.delayMs = Number(values['delay-ms'])
  }
  return { kind: 'control', command }
}

function sandboxUrl(text: string): string {
  try {
    const url = new URL(text)
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin
  } catch {
    // reported below
  }
  throw new UsageError(`--sandbox must be the sandbox's origin, like ${DEFAULT_SANDBOX_URL}; got "${text}".`)
}

/** `['TWD=32.5', 'cny=7.1']` → `{ TWD: '32.5', CNY: '7.1' }`, each checked as `startSandbox` would. */
function rates(entries: readonly string[]): NonNullable<SandboxOptions['rates']> {
  const table: Record<string, string> = {}
  for (const entry of entries) {
    const match = /^([A-Za-z]{3})=(.*)$/.exec(entry)
    if (!match) throw new UsageError(`--rate takes CODE=rate, like --rate TWD=32.5; got "${entry}".`)
    table[match[1]!.toUpperCase()] = match[2]!
  }
  try {
    parseRates(table, '--rate')
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^--rate\.(\w+) must be/, '--rate $1=… must be'))
  }
  return table
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

