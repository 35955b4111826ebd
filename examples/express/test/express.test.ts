import { mkdtemp, readFile, rm } from 'node:fs/promises'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox, type Sandbox } from '@payfect/sandbox'
import type { Payment } from '@payfect/server'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { rawPost } from '../../../packages/server/test/support/raw-request'
import { createApp } from '../app'
import { buildClient } from '../build'

// The example as a merchant runs it: real Express on 127.0.0.1, against the sandbox.
let sandbox: Sandbox
let server: Server
let url: string
const paid: Payment[] = []
const waiters: Array<() => void> = []

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, callbackRetryDelaysMs: [50] })
  const env = { PAYFECT_API_KEY: sandbox.apiKey, PAYFECT_WEBHOOK_SECRET: sandbox.webhookSecret, PAYFECT_API_BASE: sandbox.apiBase, NODE_ENV: 'development' }
  const app = createApp({
    env,
    onPaid: (payment) => {
      paid.push(payment)
      for (const wake of waiters.splice(0)) wake()
    },
  })
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()))
  await sandbox?.close()
})

function nextPaid(): Promise<void> {
  return new Promise((resolve) => waiters.push(resolve))
}

describe('examples/express', () => {
  test('creates a checkout at the catalog price, then receives its verified callback through express.raw', async () => {
    const response = await fetch(`${url}/api/payfect/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ items: [{ price: 'pro-plan', quantity: 2 }], clientReferenceId: 'order_1' }),
    })
    expect(response.status).toBe(200)
    const checkout = (await response.json()) as { id: string; url: string; amountTotal: string; status: string }
    expect(checkout.url).toBe(`${sandbox.url}/checkouts/${checkout.id}`)
    expect(checkout).toMatchObject({ amountTotal: '40.00', status: 'open' })

    const polled = await fetch(`${url}/api/payfect/checkouts?id=${checkout.id}`)
    expect(polled.status).toBe(200)
    expect(await polled.json()).toMatchObject({ id: checkout.id, status: 'open' })

    const arrived = nextPaid()
    const pay = await fetch(`${sandbox.url}/_sandbox/checkouts/${checkout.id}/pay`, { method: 'POST' })
    expect(pay.status).toBe(200)
    await arrived
    expect(paid).toEqual([
      expect.objectContaining({ checkoutId: checkout.id, amount: '40.00', clientReferenceId: 'order_1', source: 'webhook', reported: expect.objectContaining({ status: 'succeeded' }) }),
    ])
    await sandbox.callbacksSettled()
    const deliveries = sandbox.state().checkouts.find((c) => c.checkout.id === checkout.id)?.deliveries
    expect(deliveries).toEqual([expect.objectContaining({ url: `${url}/api/payfect/webhook`, status: 200, ok: true })])
  })

  test('refuses a forged callback and a price the catalog does not sell', async () => {
    const forged = await fetch(`${url}/api/payfect/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-payfect-signature': 'gAAAAAforged' },
      body: JSON.stringify({ id: 'x', amount: '0.01', status: 'succeeded' }),
    })
    expect(forged.status).toBe(400)
    const unknown = await fetch(`${url}/api/payfect/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ price: 'free-plan', quantity: 1 }] }),
    })
    expect(unknown.status).toBe(400)
    expect(paid.every((payment) => payment.checkoutId !== 'x')).toBe(true)
    expect(sandbox.state().checkouts).toHaveLength(1)
  })

  test('never puts a URL on a foreign Host or X-Forwarded-Host', async () => {
    const before = sandbox.state().checkouts.length
    for (const headers of [{ host: 'evil.example' }, { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }] as Record<string, string>[]) {
      const response = await rawPost(`${url}/api/payfect/checkouts`, headers, JSON.stringify({ items: [{ price: 'pro-plan', quantity: 1 }] }))
      // A foreign Host is no loopback origin to stand in for PAYFECT_PUBLIC_ORIGIN: refused. X-Forwarded-* is never read.
      if (headers.host) expect(response.status).toBe(500)
      else expect(JSON.parse(response.text)).toMatchObject({ successUrl: `${url}/?checkout=success` })
    }
    const created = sandbox.state().checkouts.slice(before)
    expect(JSON.stringify(created)).not.toContain('evil.example')
  })

  test('serves the page, and its React client bundles', async () => {
    const page = await fetch(`${url}/`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<script type="module" src="/app.js">')
    const dir = await mkdtemp(join(tmpdir(), 'payfect-express-'))
    try {
      await buildClient(join(dir, 'app.js'))
      const bundle = await readFile(join(dir, 'app.js'), 'utf8')
      expect(bundle).toContain('/api/payfect/checkouts')
      expect(bundle).not.toContain(sandbox.apiKey)
      expect(await readFile(join(dir, 'app.css'), 'utf8')).toContain('--payfect-')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
