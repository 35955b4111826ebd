/**
 * The storefront's webhook against every callback failure the sandbox rehearses, each
 * driven from the `payfect-sandbox` CLI as a merchant would type it: the order is paid
 * once, whatever arrives twice, late, out of order, replayed or not at all.
 * (No browser: the shop's HTTP API and the CLI are enough.)
 */
import { spawn } from 'node:child_process'
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStorefront, type Storefront } from '../examples/storefront/server'
import { until } from './shop'

const BIN = fileURLToPath(new URL('../packages/sandbox/bin/payfect-sandbox.js', import.meta.url))

let shop: Storefront
let sandbox: NonNullable<Storefront['sandbox']>
beforeAll(async () => {
  shop = await startStorefront({ port: 0, sandbox: { port: 0, callbackRetryDelaysMs: [] }, env: {}, log: false })
  sandbox = shop.sandbox!
}, 60_000)
afterAll(() => shop?.close())

const post = (path: string, body: unknown, cookie?: string) =>
  fetch(`${shop.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: shop.url, ...(cookie && { cookie }) }, body: JSON.stringify(body) })

/** An order with its checkout, as the shop's page makes them: one browser session, its cookie sent with both. */
async function orderWithCheckout(): Promise<{ orderId: string; checkoutId: string }> {
  const items = [{ price: 'orbit-mug', quantity: 1 }]
  const placed = await post('/api/orders', { items })
  expect(placed.status).toBe(201)
  const cookie = placed.headers.get('set-cookie')?.split(';')[0]
  expect(cookie).toMatch(/^shop_session=/)
  const order = (await placed.json()) as { order: { id: string } }
  const created = await post('/api/payfect/checkouts', { items, clientReferenceId: order.order.id }, cookie)
  const checkout = (await created.json()) as { id: string }
  expect(created.status, JSON.stringify(checkout)).toBe(200)
  return { orderId: order.order.id, checkoutId: checkout.id }
}

/** `payfect-sandbox <args>` against the shop's sandbox; resolves with its exit code and output. */
function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const proc = spawn(process.execPath, [BIN, ...args, '--sandbox', sandbox.url], { cwd: tmpdir(), env: { ...process.env } })
  let stdout = ''
  let stderr = ''
  proc.stdout.on('data', (c: Buffer) => void (stdout += c.toString()))
  proc.stderr.on('data', (c: Buffer) => void (stderr += c.toString()))
  return new Promise((resolve) => proc.on('exit', (code) => resolve({ code, stdout, stderr })))
}

const order = (id: string) => shop.orders.get(id)!
const deliveries = (checkoutId: string) => sandbox.state().checkouts.find((c) => c.checkout.id === checkoutId)!.deliveries

describe('the storefront’s webhook survives every rehearsed callback failure', { timeout: 60_000 }, () => {
  it('twice: paid once, both deliveries acknowledged', async () => {
    const { orderId, checkoutId } = await orderWithCheckout()
    expect((await cli('pay', checkoutId, '--callback', 'twice')).code).toBe(0)
    await sandbox.callbacksSettled()
    expect(deliveries(checkoutId).map((d) => [d.kind, d.status])).toEqual([['callback', 200], ['duplicate', 200]])
    expect(order(orderId)).toMatchObject({ status: 'paid', paidAt: expect.any(String) })
  })

  it('late: paid when it arrives, and a replay of it afterwards changes nothing', async () => {
    const { orderId, checkoutId } = await orderWithCheckout()
    expect((await cli('pay', checkoutId, '--callback', 'late', '--delay-ms', '200')).code).toBe(0)
    await sandbox.callbacksSettled()
    const paidAt = (await until(`order ${orderId} paid`, () => order(orderId).paidAt))
    const [late] = deliveries(checkoutId)
    expect(late).toMatchObject({ kind: 'late', status: 200 })
    expect((await cli('replay', late!.id)).stdout).toMatch(/the receiver answered 200\./)
    expect(order(orderId)).toMatchObject({ status: 'paid', paidAt })
  })

  it('out of order: two orders’ callbacks delivered in reverse, each paid once', async () => {
    const first = await orderWithCheckout()
    const second = await orderWithCheckout()
    await cli('pay', first.checkoutId, '--callback', 'hold')
    await cli('pay', second.checkoutId, '--callback', 'hold')
    expect([order(first.orderId).status, order(second.orderId).status]).toEqual(['pending', 'pending'])
    expect((await cli('deliver', second.checkoutId, first.checkoutId)).code).toBe(0)
    expect(deliveries(second.checkoutId)[0]!.at).toBeLessThanOrEqual(deliveries(first.checkoutId)[0]!.at)
    expect([order(first.orderId).status, order(second.orderId).status]).toEqual(['paid', 'paid'])
  })

  it('dropped: nothing arrives and the order waits; a status read heals it, and resends change nothing', async () => {
    const { orderId, checkoutId } = await orderWithCheckout()
    expect((await cli('pay', checkoutId, '--callback', 'drop')).code).toBe(0)
    await sandbox.callbacksSettled()
    expect(deliveries(checkoutId).map((d) => [d.kind, d.status])).toEqual([['dropped', null]])
    expect(order(orderId).status).toBe('pending')
    // The route's read that sees `complete` fulfils the order (its onPayment) before it answers.
    const read = await fetch(`${shop.url}/api/payfect/checkouts?id=${checkoutId}`)
    expect(((await read.json()) as { status: string }).status).toBe('complete')
    const { paidAt } = order(orderId)
    expect(order(orderId)).toMatchObject({ status: 'paid', paidAt: expect.any(String), problem: null })
    for (let resend = 0; resend < 2; resend++) {
      expect((await cli('resend', checkoutId)).code).toBe(0)
      await sandbox.callbacksSettled()
    }
    expect(deliveries(checkoutId).slice(1).map((d) => d.status)).toEqual([200, 200])
    expect(order(orderId)).toMatchObject({ status: 'paid', paidAt, problem: null })
  })
})
