import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fernet } from '@payfect/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startSandbox, type Sandbox } from '../src/index'
import { CALLBACK_KEYS, CALLBACK_PAYMENT_METHOD_KEYS } from './documented'
import { call, startReceiver } from './support'

let sb: Sandbox | undefined
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  await sb?.close()
  sb = undefined
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function receiver(secret: string, answer?: (n: number) => number) {
  const r = await startReceiver(secret, answer)
  cleanups.push(r.close)
  return r
}

const checkoutBody = (extra: Record<string, unknown>) => ({
  currency: 'usdt',
  invoice_items: [
    { price_data: { currency: 'usdt', unit_amount: '19.99', product_data: { name: 'Mug' } }, quantity: 7 },
    { price_data: { currency: 'usdt', unit_amount: '0.1', product_data: { name: 'Sticker' } }, quantity: 3 },
  ],
  client_reference_id: 'order-42',
  ...extra,
})

async function createAndPay(s: Sandbox, extra: Record<string, unknown> = {}) {
  const created = await call(s, 'POST', '/api/v1/checkouts/', { body: checkoutBody(extra) })
  expect(created.status).toBe(200)
  const paid = await call(s, 'POST', `/_sandbox/checkouts/${created.body.id}/pay`, { key: null })
  expect(paid.status).toBe(200)
  return paid.body.checkout
}

describe('signed callbacks', () => {
  it('POSTs the documented JSON, signed with the webhook secret, and verifyWebhook accepts it', async () => {
    const secret = fernet.generateKey()
    sb = await startSandbox({ webhookSecret: secret })
    const hook = await receiver(secret)
    const checkout = await createAndPay(sb, { callback_url: hook.url })
    await hook.waitFor(1)
    await sb.callbacksSettled()

    const [delivery] = hook.received
    expect(delivery!.error).toBeUndefined()
    expect(delivery!.headers['content-type']).toBe('application/json')
    const event = delivery!.event!
    expect(Object.keys(event)).toEqual(CALLBACK_KEYS)
    expect(Object.keys(event.payment_method)).toEqual(CALLBACK_PAYMENT_METHOD_KEYS)
    expect(event).toEqual({
      id: checkout.id,
      amount: '140.23',
      status: 'succeeded',
      currency: 'usdt',
      merchant: checkout.merchant.id,
      is_livemode: false,
      payment_intent: checkout.paymentIntent,
      payment_method: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), payment_method_detail: { network: 'tron', currency: 'usdt' } },
      client_reference_id: 'order-42',
    })
    expect(JSON.parse(delivery!.body)).toEqual(event)

    const [recorded] = sb.state().checkouts[0]!.deliveries
    expect(recorded).toEqual({
      id: expect.any(String),
      checkoutId: checkout.id,
      attempt: 1,
      kind: 'callback',
      url: hook.url,
      at: expect.any(Number),
      body: delivery!.body,
      signature: delivery!.headers['x-payfect-signature'],
      status: 200,
      ok: true,
    })
  })

  it('a receiver with another secret refuses the delivery', async () => {
    sb = await startSandbox()
    const hook = await receiver(fernet.generateKey())
    await createAndPay(sb, { callback_url: hook.url })
    await hook.waitFor(1)
    expect(hook.received[0]!.event).toBeUndefined()
    expect(hook.received[0]!.error).toMatchObject({ name: 'PayfectSignatureError' })
  })

  it('retries a failing receiver with backoff: fails twice, then 200 → 3 recorded attempts', async () => {
    sb = await startSandbox({ callbackRetryDelaysMs: [5, 10, 20, 40, 80] })
    const hook = await receiver(sb.webhookSecret, (n) => (n <= 2 ? 503 : 200))
    const checkout = await createAndPay(sb, { callback_url: hook.url })
    await sb.callbacksSettled()
    expect(hook.received).toHaveLength(3)
    expect(hook.received.every((r) => r.event !== undefined)).toBe(true)
    // Each attempt carries a fresh token over the same body.
    expect(new Set(hook.received.map((r) => r.headers['x-payfect-signature'])).size).toBe(3)
    expect(new Set(hook.received.map((r) => r.body)).size).toBe(1)
    const deliveries = sb.state().checkouts.find((c) => c.checkout.id === checkout.id)!.deliveries
    expect(deliveries.map((d) => [d.attempt, d.status, d.ok])).toEqual([
      [1, 503, false],
      [2, 503, false],
      [3, 200, true],
    ])
    expect(deliveries[0]!.error).toMatch(/answered 503; only a 2xx counts/)
  })

  it('gives up after the last retry: one attempt more than there are delays', async () => {
    sb = await startSandbox({ callbackRetryDelaysMs: [1, 1, 1, 1, 1] })
    const hook = await receiver(sb.webhookSecret, () => 500)
    await createAndPay(sb, { callback_url: hook.url })
    await sb.callbacksSettled()
    expect(hook.received).toHaveLength(6)
    expect(sb.state().checkouts[0]!.deliveries.map((d) => d.ok)).toEqual([false, false, false, false, false, false])
  })

  it('records network failures and timeouts with status null', async () => {
    // A port that was just free: nothing listens there.
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const deadPort = (probe.address() as AddressInfo).port
    await new Promise<void>((resolve) => probe.close(() => resolve()))
    sb = await startSandbox({ callbackRetryDelaysMs: [1], callbackTimeoutMs: 400 })
    await createAndPay(sb, { callback_url: `http://127.0.0.1:${deadPort}/hook` })

    const silent = createServer(() => {
      /* never answers */
    })
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => new Promise((resolve) => (silent.closeAllConnections(), silent.close(() => resolve()))))
    await createAndPay(sb, { callback_url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook` })
    await sb.callbacksSettled()

    const [hanging, refused] = sb.state().checkouts.map((c) => c.deliveries)
    expect(refused!.map((d) => [d.status, d.ok])).toEqual([
      [null, false],
      [null, false],
    ])
    expect(refused![0]!.error).toMatch(/Could not reach the receiver \(ECONNREFUSED\)/)
    expect(hanging!.map((d) => d.error)).toEqual(['No answer within 400 ms.', 'No answer within 400 ms.'])
  })

  it('sends nothing more after close()', async () => {
    sb = await startSandbox({ callbackRetryDelaysMs: [150, 150] })
    const s = sb
    const hook = await receiver(s.webhookSecret, () => 500)
    await createAndPay(s, { callback_url: hook.url })
    await vi.waitFor(() => expect(s.state().checkouts[0]!.deliveries).toHaveLength(1), { interval: 1 })
    await s.close()
    await s.callbacksSettled()
    // Longer than every retry delay together: a retry that survived close() would have arrived.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(hook.received).toHaveLength(1)
  })

  it('falls back to the merchant’s, then the sandbox’s default callback URL; resend starts a new series', async () => {
    const secret = fernet.generateKey()
    const merchantHook = await receiver(secret)
    const defaultHook = await receiver(secret)
    sb = await startSandbox({
      callbackUrl: defaultHook.url,
      merchants: [
        { apiKey: 'sk_test_with_own_callback', webhookSecret: secret, callbackUrl: merchantHook.url },
        { apiKey: 'sk_test_uses_default_url', webhookSecret: secret },
      ],
    })
    const first = await createAndPay(sb)
    await createAndPay({ url: sb.url, apiKey: 'sk_test_uses_default_url' } as Sandbox)
    await sb.callbacksSettled()
    expect(merchantHook.received.map((r) => r.event?.id)).toEqual([first.id])
    expect(defaultHook.received).toHaveLength(1)

    const resend = await call(sb, 'POST', `/_sandbox/checkouts/${first.id}/resend`, { key: null })
    expect(resend.status).toBe(200)
    await sb.callbacksSettled()
    expect(merchantHook.received.map((r) => r.event?.id)).toEqual([first.id, first.id])
    const deliveries = sb.state().checkouts.find((c) => c.checkout.id === first.id)!.deliveries
    expect(deliveries.map((d) => d.attempt)).toEqual([1, 1])
  })
})
