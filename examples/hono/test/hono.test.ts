import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startSandbox, type Sandbox } from '@payfect/sandbox'
import type { Payment } from '@payfect/server'
import { toNodeHandler } from '@payfect/server/node'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { rawPost } from '../../../packages/server/test/support/raw-request'
import { createApp } from '../app'
import worker from '../worker'

// Hono's fetch handler served on 127.0.0.1 the way server.ts does, against the sandbox.
let sandbox: Sandbox
let server: Server
let url: string
const paid: Payment[] = []
const waiters: Array<() => void> = []

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, callbackRetryDelaysMs: [50] })
  const env = { PAYFECT_API_KEY: sandbox.apiKey, PAYFECT_WEBHOOK_SECRET: sandbox.webhookSecret, PAYFECT_API_BASE: sandbox.apiBase, NODE_ENV: 'development' }
  const app = createApp(env, (payment) => {
    paid.push(payment)
    for (const wake of waiters.splice(0)) wake()
  })
  server = createServer(toNodeHandler((request) => app.fetch(request)))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()))
  await sandbox?.close()
})

describe('examples/hono', () => {
  test('creates a checkout at the catalog price, then receives its verified callback', async () => {
    const response = await fetch(`${url}/api/payfect/checkouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ items: [{ price: 'pro-plan', quantity: 1 }], clientReferenceId: 'order_7' }),
    })
    expect(response.status).toBe(200)
    const checkout = (await response.json()) as { id: string; url: string; amountTotal: string }
    expect(checkout.url).toBe(`${sandbox.url}/checkouts/${checkout.id}`)
    expect(checkout.amountTotal).toBe('20.00')

    const arrived = new Promise<void>((resolve) => waiters.push(resolve))
    expect((await fetch(`${sandbox.url}/_sandbox/checkouts/${checkout.id}/pay`, { method: 'POST' })).status).toBe(200)
    await arrived
    // The callback's payment; the poll below may fulfil again, which is why stores are idempotent on checkoutId.
    expect(paid).toEqual([expect.objectContaining({ checkoutId: checkout.id, amount: '20.00', clientReferenceId: 'order_7', source: 'webhook' })])
    await sandbox.callbacksSettled()
    const deliveries = sandbox.state().checkouts.find((c) => c.checkout.id === checkout.id)?.deliveries
    expect(deliveries).toEqual([expect.objectContaining({ url: `${url}/api/payfect/webhook`, status: 200, ok: true })])

    const polled = await fetch(`${url}/api/payfect/checkouts?id=${checkout.id}`)
    expect(await polled.json()).toMatchObject({ id: checkout.id, status: 'complete' })
  })

  test('refuses a forged callback and serves the page', async () => {
    const forged = await fetch(`${url}/api/payfect/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-payfect-signature': 'not-a-token' },
      body: '{"id":"forged","amount":"1.00","status":"succeeded"}',
    })
    expect(forged.status).toBe(400)
    expect(paid.some((payment) => payment.checkoutId === 'forged')).toBe(false)
    const page = await fetch(`${url}/`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('/api/payfect/checkouts')
  })

  test('the Worker-style entry answers a web Request directly, with no server at all', async () => {
    const env = { PAYFECT_API_KEY: sandbox.apiKey, PAYFECT_WEBHOOK_SECRET: sandbox.webhookSecret, PAYFECT_API_BASE: sandbox.apiBase, PAYFECT_PUBLIC_ORIGIN: 'https://shop.test' }
    const response = await worker.fetch(
      new Request('http://shop.test/api/payfect/checkouts', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ items: [{ price: 'pro-plan', quantity: 3 }] }),
      }),
      env,
    )
    expect(response.status).toBe(200)
    const created = (await response.json()) as { amountTotal: string; url: string; successUrl: string }
    expect(created.amountTotal).toBe('60.00')
    expect(created.successUrl).toBe('https://shop.test/?checkout=success')
    expect(created.url.startsWith(`${sandbox.url}/checkouts/`)).toBe(true)
  })

  test('never puts a URL on a foreign Host or X-Forwarded-Host', async () => {
    const before = sandbox.state().checkouts.length
    for (const headers of [{ host: 'evil.example' }, { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }] as Record<string, string>[]) {
      const response = await rawPost(`${url}/api/payfect/checkouts`, headers, JSON.stringify({ items: [{ price: 'pro-plan', quantity: 1 }] }))
      // A foreign Host is no loopback origin to stand in for PAYFECT_PUBLIC_ORIGIN: refused. X-Forwarded-* is never read.
      if (headers.host) expect(response.status).toBe(500)
      else expect(JSON.parse(response.text)).toMatchObject({ successUrl: `${url}/?checkout=success` })
    }
    expect(JSON.stringify(sandbox.state().checkouts.slice(before))).not.toContain('evil.example')
    // With PAYFECT_PUBLIC_ORIGIN set, a Worker never looks at the Host at all.
    const env = { PAYFECT_API_KEY: sandbox.apiKey, PAYFECT_WEBHOOK_SECRET: sandbox.webhookSecret, PAYFECT_API_BASE: sandbox.apiBase, PAYFECT_PUBLIC_ORIGIN: 'https://shop.test' }
    const spoofed = await worker.fetch(
      new Request('http://evil.example/api/payfect/checkouts', { method: 'POST', headers: { 'content-type': 'application/json', host: 'evil.example' }, body: JSON.stringify({ items: [{ price: 'pro-plan' }] }) }),
      env,
    )
    expect(await spoofed.json()).toMatchObject({ successUrl: 'https://shop.test/?checkout=success' })
  })
})
