import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { startSandbox, type Sandbox } from '@payfect/sandbox'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

// `next build`, then `next start` on 127.0.0.1 against a sandbox: the example as it ships.
// Slow (a production build), so it runs in `pnpm test:examples`, not in `pnpm test`.
// PAYFECT_EXAMPLES_REUSE_BUILD=1 skips the build when .next/ already holds one.
const cwd = fileURLToPath(new URL('..', import.meta.url))
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' }
let sandbox: Sandbox
let server: ChildProcess | undefined
let url: string
let output = ''

function run(args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  // Its own process group, so the server and anything it spawns stop together.
  const child: ChildProcess = spawn('pnpm', ['exec', 'next', ...args], { cwd, env: { ...env, ...extraEnv }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return child
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

beforeAll(async () => {
  if (!(process.env.PAYFECT_EXAMPLES_REUSE_BUILD && existsSync(`${cwd}.next/BUILD_ID`))) {
    const code = await exited(run(['build']))
    if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${output}`)
  }
  sandbox = await startSandbox({ port: 0, callbackRetryDelaysMs: [100] })
  const port = await freePort()
  url = `http://127.0.0.1:${port}`
  output = ''
  server = run(['start', '--hostname', '127.0.0.1', '--port', String(port)], {
    PAYFECT_API_KEY: sandbox.apiKey,
    PAYFECT_API_BASE: sandbox.apiBase,
    PAYFECT_WEBHOOK_SECRET: sandbox.webhookSecret,
    PAYFECT_CHECKOUT_ORIGIN: sandbox.url,
    SITE_ORIGIN: url,
  })
  const stopped = exited(server).then((code) => {
    throw new Error(`next start exited (${code}):\n${output}`)
  })
  const ready = (async () => {
    for (;;) {
      const ok = await fetch(`${url}/checkout/success`).then((r) => r.ok, () => false)
      if (ok) return
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  })()
  await Promise.race([ready, stopped])
})

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const done = exited(server)
    process.kill(-server.pid, 'SIGTERM')
    await done
  }
  await sandbox?.close()
})

describe('examples/nextjs', () => {
  test('the server-rendered page shows the price and the client CheckoutButton', async () => {
    const response = await fetch(`${url}/`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Pro plan')
    expect(html).toMatch(/<button[^>]*data-slot="checkout-button"[^>]*>(<span[^>]*>)?Pay 20.00 USDT/)
  })

  test('POST /api/payfect/checkouts answers 200 with a sandbox checkout; paying it delivers a verified callback', async () => {
    const response = await fetch(`${url}/api/payfect/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ items: [{ price: 'pro-plan', quantity: 1 }] }),
    })
    expect(response.status).toBe(200)
    const checkout = (await response.json()) as { id: string; url: string; amountTotal: string; successUrl: string }
    expect(checkout.url).toBe(`${sandbox.url}/checkouts/${checkout.id}`)
    expect(checkout.successUrl).toBe(`${url}/checkout/success`)
    expect(checkout.amountTotal).toBe('20.00')

    const polled = await fetch(`${url}/api/payfect/checkouts?id=${checkout.id}`)
    expect(await polled.json()).toMatchObject({ id: checkout.id, status: 'open' })

    expect((await fetch(`${sandbox.url}/_sandbox/checkouts/${checkout.id}/pay`, { method: 'POST' })).status).toBe(200)
    await sandbox.callbacksSettled()
    const deliveries = sandbox.state().checkouts.find((c) => c.checkout.id === checkout.id)?.deliveries
    expect(deliveries).toEqual([expect.objectContaining({ url: `${url}/api/payfect/webhook`, status: 200, ok: true })])
  })

  test('the webhook route refuses a forged callback, and the checkout route a price it does not sell', async () => {
    const forged = await fetch(`${url}/api/payfect/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-payfect-signature': 'forged' },
      body: '{"id":"x","amount":"0.01","status":"succeeded"}',
    })
    expect(forged.status).toBe(400)
    const tampered = await fetch(`${url}/api/payfect/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ items: [{ price: 'pro-plan', quantity: 1, unitAmount: '0.01' }] }),
    })
    expect(tampered.status).toBe(400)
  })
})
