import { spawn, type ChildProcess } from 'node:child_process'
import { request as httpRequest } from 'node:http'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { startSandbox, type Sandbox } from '@payfect/sandbox'
import { signTestWebhook } from '@payfect/server/testing'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { chromiumLaunchOptions } from '../../../scripts/chromium'

// The example as a merchant ships it: `next build` with no Payfect variable set, then
// `next start` on 127.0.0.1 with the sandbox's env block plus PAYFECT_PUBLIC_ORIGIN, and
// a shopper buying in Chromium. Slow (a production build): `pnpm test:examples`.
const cwd = fileURLToPath(new URL('..', import.meta.url))
const withoutPayfect = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PAYFECT_')))
const baseEnv: NodeJS.ProcessEnv = { ...withoutPayfect, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' }
let sandbox: Sandbox
let server: ChildProcess | undefined
let browser: Browser | undefined
let url: string
let output = ''

function next(args: string[], env: Record<string, string> = {}): ChildProcess {
  // Its own process group, so the server and anything it spawns stop together.
  const child = spawn('pnpm', ['exec', 'next', ...args], { cwd, env: { ...baseEnv, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
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

/** Polls a condition the app reaches on its own; never sleeps a fixed time before asserting. */
async function until<T>(what: string, read: () => T | Promise<T>, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (value) return value as NonNullable<T>
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The order page's status line, as the server renders it now. */
async function orderStatus(orderId: string): Promise<string | undefined> {
  const html = await (await fetch(`${url}/orders/${orderId}`)).text()
  return /data-testid="order-status"[^>]*>([^<]*)</.exec(html)?.[1]
}

/** A POST with headers fetch may not set (`Host`); answers the status and the JSON body. */
function rawPost(path: string, headers: Record<string, string>, body: string): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (response) => {
      let text = ''
      response.on('data', (chunk: Buffer) => (text += chunk.toString()))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown> }))
    })
    sent.on('error', reject)
    sent.end(body)
  })
}

/** Places an order the way a shopper does: the home page's form, then the order's page. */
async function placeOrder(page: Page): Promise<string> {
  await page.goto(url)
  await page.getByRole('button', { name: 'Place order' }).click()
  await page.waitForURL(/\/orders\/[\w-]+$/)
  return new URL(page.url()).pathname.split('/').pop()!
}

beforeAll(async () => {
  const code = await exited(next(['build']))
  if (code !== 0) throw new Error(`next build with no PAYFECT_* set failed (exit ${code}):\n${output}`)
  sandbox = await startSandbox({ port: 0, callbackRetryDelaysMs: [100] })
  url = `http://127.0.0.1:${await freePort()}`
  output = ''
  // The block `payfect-sandbox` prints for .env.local, and the shop's own origin.
  server = next(['start', '--hostname', '127.0.0.1', '--port', new URL(url).port], {
    PAYFECT_API_KEY: sandbox.apiKey,
    PAYFECT_API_BASE: sandbox.apiBase,
    PAYFECT_WEBHOOK_SECRET: sandbox.webhookSecret,
    PAYFECT_PUBLIC_ORIGIN: url,
  })
  let ready = false
  const stopped = exited(server).then((exit) => {
    if (!ready) throw new Error(`next start exited (${exit}):\n${output}`)
  })
  await Promise.race([until('next start to answer', () => fetch(url).then((r) => r.ok, () => false), 60_000), stopped])
  ready = true
  browser = await chromium.launch(chromiumLaunchOptions())
})

afterAll(async () => {
  await browser?.close()
  if (server?.pid && server.exitCode === null) {
    const done = exited(server)
    process.kill(-server.pid, 'SIGTERM')
    await done
  }
  await sandbox?.close()
})

describe('examples/nextjs', () => {
  test('a shopper places an order and pays it in Chromium: the order turns paid, and the signed callback is accepted', async () => {
    const page = await browser!.newPage()
    try {
      const orderId = await placeOrder(page)
      await page.getByRole('button', { name: 'Pay with crypto' }).click()
      const frame = page.frameLocator('iframe[data-slot="checkout-frame"]')
      await frame.getByRole('button', { name: 'Simulate payment' }).click()
      await page.getByRole('button', { name: 'Paid' }).waitFor()

      await sandbox.callbacksSettled()
      const [checkout] = sandbox.state().checkouts.filter((c) => c.checkout.clientReferenceId === orderId)
      expect(checkout?.checkout.status).toBe('complete')
      expect(checkout?.checkout.successUrl).toBe(`${url}/checkout/success`)
      expect(checkout?.deliveries).toEqual([expect.objectContaining({ url: `${url}/api/payfect/webhook`, status: 200, ok: true })])
      await page.reload()
      await expect(page.getByTestId('order-status').textContent()).resolves.toBe('Paid')
      expect(await page.getByRole('button', { name: /pay/i }).count()).toBe(0)
    } finally {
      await page.close()
    }
  })

  test('the webhook alone fulfils: an order paid with no status read turns paid once its callback verifies', async () => {
    const page = await browser!.newPage()
    const orderId = await placeOrder(page).finally(() => page.close())
    const created = await fetch(`${url}/api/payfect/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ items: [{ price: 'pro-plan' }], clientReferenceId: orderId }),
    })
    expect(created.status).toBe(200)
    const { id } = (await created.json()) as { id: string }
    expect(await orderStatus(orderId)).toBe('Awaiting payment')

    expect((await fetch(`${sandbox.url}/_sandbox/checkouts/${id}/pay`, { method: 'POST' })).status).toBe(200)
    await until('the order to be paid', async () => (await orderStatus(orderId)) === 'Paid')

    // Payfect delivers at least once: the same callback again is acknowledged and changes nothing.
    const payload = { id, amount: '20.00', currency: 'usdt', status: 'succeeded', client_reference_id: orderId }
    const again = await signTestWebhook({ secret: sandbox.webhookSecret, payload })
    const duplicate = await fetch(`${url}/api/payfect/webhook`, { method: 'POST', headers: again.headers, body: again.body })
    expect(duplicate.status).toBe(200)
    expect(await orderStatus(orderId)).toBe('Paid')
  })

  test('a foreign Host or X-Forwarded-Host never decides where the shopper or the callback goes', async () => {
    const { status, json } = await rawPost(
      '/api/payfect/checkouts',
      { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', origin: url },
      JSON.stringify({ items: [{ price: 'pro-plan' }] }),
    )
    expect(status).toBe(200)
    expect(json.successUrl).toBe(`${url}/checkout/success`)
    // Paid, its callback comes to the shop too (and, made with no order id, fulfils nothing).
    expect((await fetch(`${sandbox.url}/_sandbox/checkouts/${String(json.id)}/pay`, { method: 'POST' })).status).toBe(200)
    await sandbox.callbacksSettled()
    const paid = sandbox.state().checkouts.find((c) => c.checkout.id === json.id)
    expect(paid?.deliveries).toEqual([expect.objectContaining({ url: `${url}/api/payfect/webhook`, status: 200 })])
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
