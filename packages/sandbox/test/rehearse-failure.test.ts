import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { verifyWebhook } from '@payfect/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../src/cli'
import { fernetDecrypt, generateFernetKey } from '../src/fernet'
import { startSandbox, type Delivery, type Sandbox } from '../src/index'
import { call } from './support'

const BIN = fileURLToPath(new URL('../bin/payfect-sandbox.js', import.meta.url))

/**
 * A merchant's shop as it should be written: it verifies every callback's
 * signature, refuses what fails with a reason, and fulfils an order once
 * however often, late or out of order its callback comes.
 */
async function startShop(secret: string) {
  const orders = new Map<string, { fulfilments: number }>()
  const received: Array<{ orderId: string | null; verified: boolean; body: string; signature: string }> = []
  const fulfil = (orderId: string) => {
    const stored = orders.get(orderId)!
    if (stored.fulfilments === 0) stored.fulfilments++
  }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const signature = String(req.headers['x-payfect-signature'] ?? '')
      try {
        const event = await verifyWebhook({ payload: body, signature, secret })
        received.push({ orderId: event.client_reference_id, verified: true, body, signature })
        fulfil(event.client_reference_id!)
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}')
      } catch (error) {
        received.push({ orderId: null, verified: false, body, signature })
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }))
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/payfect/webhook`,
    orders,
    received,
    fulfil,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

let sb: Sandbox
let shop: Awaited<ReturnType<typeof startShop>>
beforeAll(async () => {
  sb = await startSandbox({ port: 0, callbackRetryDelaysMs: [] })
  shop = await startShop(sb.webhookSecret)
})
afterAll(async () => {
  await sb.close()
  await shop.close()
})

let orderNumber = 0
async function order(): Promise<{ orderId: string; checkoutId: string }> {
  const orderId = `order-${++orderNumber}`
  shop.orders.set(orderId, { fulfilments: 0 })
  const body = {
    currency: 'usdt',
    invoice_items: [{ price_data: { currency: 'usdt', unit_amount: '12.50', product_data: { name: 'Tea' } }, quantity: 2 }],
    client_reference_id: orderId,
    callback_url: shop.url,
  }
  const res = await call(sb, 'POST', '/api/v1/checkouts/', { body })
  expect(res.status).toBe(200)
  return { orderId, checkoutId: res.body.id }
}

/** `payfect-sandbox <args> --sandbox <url>`, as a merchant types it. */
async function cli(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli([...args, '--sandbox', sb.url], { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), env: {}, cwd: tmpdir() })
  return { code, out: out.join(''), err: err.join('') }
}

const deliveriesOf = (checkoutId: string): Delivery[] => sb.state().checkouts.find((c) => c.checkout.id === checkoutId)!.deliveries
const receivedFor = (orderId: string) => shop.received.filter((r) => r.orderId === orderId)

describe('rehearsing failure from the CLI, against an idempotent shop', () => {
  it('a callback delivered twice fulfils the order once', async () => {
    const { orderId, checkoutId } = await order()
    expect(await cli('pay', checkoutId, '--callback', 'twice')).toMatchObject({ code: 0, out: `Paid checkout ${checkoutId}; callback sent twice.\n` })
    await sb.callbacksSettled()
    expect(receivedFor(orderId)).toHaveLength(2)
    expect(deliveriesOf(checkoutId).map((d) => [d.kind, d.status])).toEqual([['callback', 200], ['duplicate', 200]])
    expect(shop.orders.get(orderId)).toEqual({ fulfilments: 1 })
  })

  it('a late callback arrives after its delay; the checkout is already complete when read', async () => {
    const { orderId, checkoutId } = await order()
    expect((await cli('pay', checkoutId, '--callback', 'late', '--delay-ms', '300')).out).toBe(`Paid checkout ${checkoutId}; callback due in 300 ms.\n`)
    // The server's word decides: the shop can learn of the payment before the callback.
    const read = await call(sb, 'GET', `/api/v1/checkouts/${checkoutId}/`)
    expect(read.body.status).toBe('complete')
    const paidAtMs = Number(read.body.updatedAt) * 1000
    await sb.callbacksSettled()
    const [late] = deliveriesOf(checkoutId)
    expect(late).toMatchObject({ kind: 'late', status: 200, ok: true })
    expect(late!.at - paidAtMs).toBeGreaterThanOrEqual(299)
    expect(shop.orders.get(orderId)).toEqual({ fulfilments: 1 })
  })

  it('lists a late callback as pending until it is due, and sends nothing after close', async () => {
    const own = await startSandbox({ port: 0, callbackRetryDelaysMs: [], webhookSecret: sb.webhookSecret })
    const res = await call(own, 'POST', '/api/v1/checkouts/', {
      body: { currency: 'usdt', invoice_items: [{ price_data: { currency: 'usdt', unit_amount: '1', product_data: { name: 'A' } }, quantity: 1 }], callback_url: shop.url },
    })
    const paid = await call(own, 'POST', `/_sandbox/checkouts/${res.body.id}/pay?callback=late&delayMs=3600000`, { key: null })
    expect(paid.status).toBe(200)
    expect(own.state().pendingCallbacks).toEqual([{ checkoutId: res.body.id, kind: 'late', dueAt: expect.any(Number) }])
    expect(own.state().pendingCallbacks[0]!.dueAt! - Number(paid.body.checkout.updatedAt) * 1000).toBeGreaterThanOrEqual(3_599_999)
    await own.close()
    expect(own.state().pendingCallbacks).toEqual([])
    expect(own.state().checkouts[0]!.deliveries).toEqual([])
  })

  it('two checkouts’ callbacks arrive in the order asked for, not the order paid', async () => {
    const first = await order()
    const second = await order()
    expect((await cli('pay', first.checkoutId, '--callback', 'hold')).out).toContain(`callback held: deliver it with "payfect-sandbox deliver ${first.checkoutId}"`)
    await cli('pay', second.checkoutId, '--callback', 'hold')
    expect(sb.state().pendingCallbacks).toEqual([
      { checkoutId: first.checkoutId, kind: 'held' },
      { checkoutId: second.checkoutId, kind: 'held' },
    ])
    const before = shop.received.length
    const delivered = await cli('deliver', second.checkoutId, first.checkoutId)
    expect(delivered.out).toBe(
      `Delivered the held callback of checkout ${second.checkoutId}: the receiver answered 200.\nDelivered the held callback of checkout ${first.checkoutId}: the receiver answered 200.\n`,
    )
    expect(shop.received.slice(before).map((r) => r.orderId)).toEqual([second.orderId, first.orderId])
    expect([shop.orders.get(first.orderId), shop.orders.get(second.orderId)]).toEqual([{ fulfilments: 1 }, { fulfilments: 1 }])
    expect(sb.state().pendingCallbacks).toEqual([])
    expect((await cli('deliver', first.checkoutId)).err).toMatch(/has no held callback/)
  })

  it('a replay repeats a past delivery byte for byte; the order stays fulfilled once', async () => {
    const { orderId, checkoutId } = await order()
    await cli('pay', checkoutId)
    await sb.callbacksSettled()
    const [original] = deliveriesOf(checkoutId)
    const replayed = await cli('replay', original!.id)
    expect(replayed.out).toMatch(new RegExp(`^Replayed delivery ${original!.id} as [0-9a-f-]{36}: the receiver answered 200\\.\\n$`))
    const [a, b] = receivedFor(orderId)
    expect([b!.body, b!.signature]).toEqual([a!.body, a!.signature])
    expect(deliveriesOf(checkoutId)[1]).toMatchObject({ kind: 'replay', replayOf: original!.id, body: original!.body, signature: original!.signature })
    expect(shop.orders.get(orderId)).toEqual({ fulfilments: 1 })
  })

  it('a dropped callback is recorded and signed but never sent; reading the checkout heals the order, and a resend is harmless', async () => {
    const { orderId, checkoutId } = await order()
    expect((await cli('pay', checkoutId, '--callback', 'drop')).out).toBe(`Paid checkout ${checkoutId}; callback dropped (recorded, never sent).\n`)
    await sb.callbacksSettled()
    expect(receivedFor(orderId)).toEqual([])
    const [dropped] = deliveriesOf(checkoutId)
    expect(dropped).toMatchObject({ kind: 'dropped', status: null, ok: false })
    expect(fernetDecrypt(sb.webhookSecret, dropped!.signature)).toBe(dropped!.body)

    // Reconciliation: the shop reads the checkout, as its sweep would.
    const read = await call(sb, 'GET', `/api/v1/checkouts/${checkoutId}/`)
    if (read.body.status === 'complete') shop.fulfil(read.body.clientReferenceId)
    expect(shop.orders.get(orderId)).toEqual({ fulfilments: 1 })

    expect((await cli('resend', checkoutId)).code).toBe(0)
    await sb.callbacksSettled()
    expect(receivedFor(orderId)).toHaveLength(1)
    expect(shop.orders.get(orderId)).toEqual({ fulfilments: 1 })
  })

  it('records the receiver’s answer to a refused delivery, so a stale secret is plain to see', async () => {
    const stale = await startSandbox({ port: 0, callbackRetryDelaysMs: [], webhookSecret: generateFernetKey() })
    try {
      const res = await call(stale, 'POST', '/api/v1/checkouts/', {
        body: { currency: 'usdt', invoice_items: [{ price_data: { currency: 'usdt', unit_amount: '1', product_data: { name: 'A' } }, quantity: 1 }], client_reference_id: 'x', callback_url: shop.url },
      })
      await call(stale, 'POST', `/_sandbox/checkouts/${res.body.id}/pay`, { key: null })
      await stale.callbacksSettled()
      const [refused] = stale.state().checkouts[0]!.deliveries
      expect(refused).toMatchObject({ status: 400, ok: false })
      expect(JSON.parse(refused!.responseBody!).error).toMatch(/signature|secret|key/i)
    } finally {
      await stale.close()
    }
  })

  it('refuses unknown modes and ids with the reason', async () => {
    expect((await cli('pay', 'x', '--callback', 'sometimes')).err).toMatch(/--callback must be one of send, twice, late, hold, drop/)
    expect((await cli('pay', 'x', '--delay-ms', '5')).err).toMatch(/--delay-ms goes with --callback late/)
    expect((await cli('replay', 'no-such-delivery')).err).toMatch(/replay no-such-delivery: Not found\./)
    const control = await call(sb, 'POST', '/_sandbox/checkouts/x/pay?callback=late&delayMs=-1', { key: null })
    expect([control.status, control.body.detail]).toEqual([400, expect.stringMatching(/delayMs goes with callback=late only/)])
  })

  it('drives a running sandbox from the executable: deliver in a chosen order', async () => {
    const first = await order()
    const second = await order()
    await cli('pay', first.checkoutId, '--callback', 'hold')
    await cli('pay', second.checkoutId, '--callback', 'hold')
    const before = shop.received.length
    const env = { ...process.env, PAYFECT_SANDBOX_URL: sb.url }
    const proc = spawn(process.execPath, [BIN, 'deliver', second.checkoutId, first.checkoutId], { env, cwd: tmpdir() })
    let stdout = ''
    proc.stdout.on('data', (c: Buffer) => void (stdout += c.toString()))
    const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve))
    expect([code, stdout.split('\n').filter(Boolean).length]).toEqual([0, 2])
    expect(shop.received.slice(before).map((r) => r.orderId)).toEqual([second.orderId, first.orderId])
  }, 30_000)
})
