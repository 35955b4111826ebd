import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fernet } from '@payfect/server'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { runCli, type CliIo } from '../src/cli'
import { parseCli } from '../src/cli-args'
import type { Sandbox } from '../src/index'

const BIN = fileURLToPath(new URL('../bin/payfect-sandbox.js', import.meta.url))

// Every run gets its own directory, so no test writes a keys file into the repository.
const dirs: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'payfect-sandbox-cli-'))
  dirs.push(dir)
  return dir
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function io(env: CliIo['env'] = {}, cwd = tempDir()) {
  const out: string[] = []
  const err: string[] = []
  return { io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), env, cwd }, out, err }
}

/** `PAYFECT_API_KEY=…` and friends from the banner's .env.local block. */
const envLine = (text: string, name: string) => new RegExp(`^${name}=(\\S+)$`, 'm').exec(text)?.[1]

describe('parseCli', () => {
  it('defaults to 127.0.0.1:4010 with keys kept in ./.payfect-sandbox.json', () => {
    expect(parseCli([], {}, '/shop')).toEqual({ kind: 'start', options: { port: 4010, host: '127.0.0.1', keysFile: '/shop/.payfect-sandbox.json' } })
    expect(parseCli(['--keys-file', 'keys/dev.json', '--fresh-keys'], {}, '/shop')).toEqual({
      kind: 'start',
      options: { port: 4010, host: '127.0.0.1', keysFile: '/shop/keys/dev.json', freshKeys: true },
    })
  })

  it('reads every flag, and the environment when flags are absent', () => {
    const secret = fernet.generateKey()
    expect(
      parseCli(['--port', '0', '--host', '::1', '--api-key', 'sk_test_from_flag', '--callback-url', 'http://127.0.0.1:3000/hook', '--ttl-minutes', '1.5', '--merchant-name', 'Tea'], {
        PAYFECT_SANDBOX_API_KEY: 'sk_test_from_env',
        PAYFECT_SANDBOX_WEBHOOK_SECRET: secret,
      }, '/shop'),
    ).toEqual({
      kind: 'start',
      options: { port: 0, host: '::1', keysFile: '/shop/.payfect-sandbox.json', apiKey: 'sk_test_from_flag', webhookSecret: secret, callbackUrl: 'http://127.0.0.1:3000/hook', checkoutTtlMs: 90_000, merchantName: 'Tea' },
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
    const command = parseCli(argv, {}, '/shop')
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
      expect(envLine(run.out.join(''), 'PAYFECT_WEBHOOK_SECRET')).toBe(secret)
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

  function run(args: string[], cwd = tempDir()) {
    const env = { ...process.env }
    delete env.PAYFECT_SANDBOX_API_KEY
    delete env.PAYFECT_SANDBOX_WEBHOOK_SECRET
    const proc = spawn(process.execPath, [BIN, ...args], { env, cwd })
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
    // A run meant to fail (a bad keys file) never awaits `ready`: its rejection is not an error then.
    ready.catch(() => {})
    return { proc, ready, exited, output: () => ({ stdout, stderr }) }
  }

  it('prints a block for .env.local, serves, and stops cleanly on SIGTERM', async () => {
    const cli = run(['--port', '0'])
    const banner = await cli.ready
    const apiBase = envLine(banner, 'PAYFECT_API_BASE')!
    const apiKey = envLine(banner, 'PAYFECT_API_KEY')!
    expect(apiBase).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/)
    expect(apiKey).toMatch(/^sk_test_[0-9a-f]{32}$/)
    expect(envLine(banner, 'PAYFECT_WEBHOOK_SECRET')).toMatch(/^[A-Za-z0-9_-]{43}=$/)
    expect(banner).toMatch(/Paste into \.env\.local:\n\nPAYFECT_API_KEY=\S+\nPAYFECT_API_BASE=\S+\nPAYFECT_WEBHOOK_SECRET=\S+\n/)
    expect(banner).not.toMatch(/pass --callback-url/)

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

  it('keeps its key, secret and merchant across a restart, and makes new ones with --fresh-keys', async () => {
    const cwd = tempDir()
    const start = async (args: string[] = []) => {
      const cli = run(['--port', '0', ...args], cwd)
      const banner = await cli.ready
      const keys = { apiKey: envLine(banner, 'PAYFECT_API_KEY'), webhookSecret: envLine(banner, 'PAYFECT_WEBHOOK_SECRET') }
      cli.proc.kill('SIGTERM')
      expect(await cli.exited).toBe(0)
      return { keys, banner }
    }
    const first = await start()
    expect(first.banner).toContain(`saved to ${join(cwd, '.payfect-sandbox.json')}`)
    const file = join(cwd, '.payfect-sandbox.json')
    expect(statSync(file).mode & 0o077).toBe(0)
    const stored = JSON.parse(readFileSync(file, 'utf8'))
    expect(stored).toMatchObject(first.keys)

    const second = await start()
    expect(second.keys).toEqual(first.keys)
    expect(second.banner).toContain('reused from')

    const fresh = await start(['--fresh-keys'])
    expect(fresh.keys.apiKey).not.toBe(first.keys.apiKey)
    expect(fresh.keys.webhookSecret).not.toBe(first.keys.webhookSecret)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject(fresh.keys)
  }, 60_000)

  it('refuses a keys file it did not write, naming the fix', async () => {
    const cwd = tempDir()
    writeFileSync(join(cwd, '.payfect-sandbox.json'), '{"apiKey": 1}')
    const cli = run(['--port', '0'], cwd)
    expect(await cli.exited).toBe(1)
    expect(cli.output().stderr).toMatch(/\.payfect-sandbox\.json does not hold sandbox keys.*--fresh-keys/)
  }, 30_000)
})
