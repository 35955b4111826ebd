import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { fernet } from '@payfect/server'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli, type CliIo } from '../src/cli'
import { parseCli } from '../src/cli-args'
import type { Sandbox } from '../src/index'

const BIN = fileURLToPath(new URL('../bin/payfect-sandbox.js', import.meta.url))

function io(env: CliIo['env'] = {}) {
  const out: string[] = []
  const err: string[] = []
  return { io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), env }, out, err }
}

describe('parseCli', () => {
  it('defaults to 127.0.0.1:4010 with generated credentials', () => {
    expect(parseCli([], {})).toEqual({ kind: 'start', options: { port: 4010, host: '127.0.0.1' } })
  })

  it('reads every flag, and the environment when flags are absent', () => {
    const secret = fernet.generateKey()
    expect(
      parseCli(['--port', '0', '--host', '::1', '--api-key', 'sk_test_from_flag', '--callback-url', 'http://127.0.0.1:3000/hook', '--ttl-minutes', '1.5', '--merchant-name', 'Tea'], {
        PAYFECT_SANDBOX_API_KEY: 'sk_test_from_env',
        PAYFECT_SANDBOX_WEBHOOK_SECRET: secret,
      }),
    ).toEqual({
      kind: 'start',
      options: { port: 0, host: '::1', apiKey: 'sk_test_from_flag', webhookSecret: secret, callbackUrl: 'http://127.0.0.1:3000/hook', checkoutTtlMs: 90_000, merchantName: 'Tea' },
    })
  })

  it.each([
    [['--port', 'abc'], /--port must be an integer from 0 to 65535, got "abc"/],
    [['--port', '70000'], /--port must be an integer/],
    [['--ttl-minutes', '0'], /--ttl-minutes must be a positive number/],
    [['--callback-url', 'file:///etc/passwd'], /--callback-url must be an absolute http\(s\) URL/],
    [['--webhook-secret', 'hunter2'], /--webhook-secret .* must be a Fernet key/],
    [['--api-key', 'a b'], /--api-key .* must be 8 to 200 characters/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['extra'], /Unexpected argument 'extra'/],
    [['--port'], /Option '-p, --port <value>' argument missing/],
  ])('refuses %j', (argv, message) => {
    const command = parseCli(argv, {})
    expect(command.kind).toBe('error')
    expect(command.kind === 'error' && command.message).toMatch(message)
  })
})

describe('runCli', () => {
  it('prints help and the version with exit code 0', async () => {
    const help = io()
    expect(await runCli(['--help'], help.io)).toBe(0)
    expect(help.out.join('')).toMatch(/Usage: payfect-sandbox \[options\][\s\S]*--webhook-secret/)
    const version = io()
    expect(await runCli(['-v'], version.io)).toBe(0)
    expect(version.out.join('')).toMatch(/^\d+\.\d+\.\d+\n$/)
  })

  it('exits 2 with a pointer to --help on bad arguments, and 1 when the port is taken', async () => {
    const bad = io()
    expect(await runCli(['--port', '-1'], bad.io)).toBe(2)
    expect(bad.err.join('')).toMatch(/Run "payfect-sandbox --help" for usage/)

    const first = io()
    const running = (await runCli(['--port', '0'], first.io)) as Sandbox
    try {
      const port = new URL(running.url).port
      const second = io()
      expect(await runCli(['--port', port], second.io)).toBe(1)
      expect(second.err.join('')).toMatch(new RegExp(`port ${port} on 127.0.0.1 is already in use.*--port 0`))
    } finally {
      await running.close()
    }
  })

  it('honours PAYFECT_SANDBOX_API_KEY and PAYFECT_SANDBOX_WEBHOOK_SECRET', async () => {
    const secret = fernet.generateKey()
    const run = io({ PAYFECT_SANDBOX_API_KEY: 'sk_test_env_key_123', PAYFECT_SANDBOX_WEBHOOK_SECRET: secret })
    const sb = (await runCli(['--port', '0'], run.io)) as Sandbox
    try {
      expect(sb.apiKey).toBe('sk_test_env_key_123')
      expect(sb.webhookSecret).toBe(secret)
      expect(run.out.join('')).toContain(`Webhook secret  ${secret}`)
    } finally {
      await sb.close()
    }
  })
})

describe('the payfect-sandbox executable', () => {
  let child: ChildProcessWithoutNullStreams | undefined
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL')
    child = undefined
  })

  function run(args: string[]) {
    const env = { ...process.env }
    delete env.PAYFECT_SANDBOX_API_KEY
    delete env.PAYFECT_SANDBOX_WEBHOOK_SECRET
    const proc = spawn(process.execPath, [BIN, ...args], { env })
    child = proc
    let stdout = ''
    let stderr = ''
    proc.stdout.on('data', (c: Buffer) => void (stdout += c.toString()))
    proc.stderr.on('data', (c: Buffer) => void (stderr += c.toString()))
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)))
    const ready = new Promise<string>((resolve, reject) => {
      proc.stdout.on('data', () => stdout.includes('Press Ctrl+C') && resolve(stdout))
      void exited.then(() => reject(new Error(`payfect-sandbox exited early:\n${stdout}\n${stderr}`)))
    })
    return { proc, ready, exited, output: () => ({ stdout, stderr }) }
  }

  const field = (text: string, name: string) => new RegExp(`${name}\\s+(\\S+)`).exec(text)?.[1]

  it('prints the API base, test key and webhook secret, serves, and stops cleanly on SIGTERM', async () => {
    const cli = run(['--port', '0'])
    const banner = await cli.ready
    const apiBase = field(banner, 'API base')!
    const apiKey = field(banner, 'API key')!
    expect(apiBase).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/)
    expect(apiKey).toMatch(/^sk_test_[0-9a-f]{32}$/)
    expect(field(banner, 'Webhook secret')).toMatch(/^[A-Za-z0-9_-]{43}=$/)

    const res = await fetch(`${apiBase}/checkouts/`, {
      method: 'POST',
      headers: { authorization: `Api-Key ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ currency: 'usdt', invoice_items: [{ price_data: { currency: 'usdt', unit_amount: '0.1', product_data: { name: 'Gum' } }, quantity: 3 }] }),
    })
    expect(res.status).toBe(200)
    expect((await res.json()).amountTotal).toBe('0.30')

    cli.proc.kill('SIGTERM')
    expect(await cli.exited).toBe(0)
    expect(cli.output().stdout).toMatch(/Sandbox stopped/)
  }, 30_000)

  it('starts with no arguments on 127.0.0.1:4010 (or says clearly that the port is taken)', async () => {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
      probe.once('error', () => resolve(false))
      probe.listen(4010, '127.0.0.1', () => probe.close(() => resolve(true)))
    })
    const cli = run([])
    if (free) {
      const banner = await cli.ready
      expect(field(banner, 'API base')).toBe('http://127.0.0.1:4010/api/v1')
      cli.proc.kill('SIGINT')
      expect(await cli.exited).toBe(0)
    } else {
      expect(await cli.exited).toBe(1)
      expect(cli.output().stderr).toMatch(/port 4010 on 127\.0\.0\.1 is already in use/)
    }
  }, 30_000)
})
