import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Payment } from '@payfect/contract'
import { createWebhookHandler, fernet, type PayfectSignatureError, verifyWebhook } from '../src/index'
import { signTestWebhook } from '../src/testing'
import { checkoutFixture, type FakeUpstream, startFakeUpstream } from './fake-upstream'

const ID = 'ed8d24aa-a860-426b-8e56-87cb9f55a081'
const secret = fernet.generateKey()
const event = { id: ID, amount: '20.00', status: 'succeeded', currency: 'usdt', client_reference_id: 'ord_1', is_livemode: false }
const production = { NODE_ENV: 'production' }

let upstream: FakeUpstream
beforeAll(async () => {
  upstream = await startFakeUpstream()
})
afterAll(() => upstream.close())
beforeEach(() => upstream.reset())

const callback = async (payload: object | string = event, key = secret) => {
  const { body, headers } = await signTestWebhook({ secret: key, payload })
  return new Request('http://localhost/api/payfect/webhook', { method: 'POST', body, headers })
}

async function refusal(promise: Promise<unknown>): Promise<PayfectSignatureError> {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  expect(error).toMatchObject({ name: 'PayfectSignatureError' })
  return error as PayfectSignatureError
}

describe('verifyWebhook', () => {
  it('verifies the test signer’s output, a parsed body, and a rotated secret', async () => {
    const { body, signature } = await signTestWebhook({ secret, payload: event })
    await expect(verifyWebhook({ payload: body, signature, secret })).resolves.toEqual(event)
    await expect(verifyWebhook({ payload: JSON.parse(body) as object, signature, secret })).resolves.toEqual(event)
    const next = fernet.generateKey()
    await expect(verifyWebhook({ payload: body, signature, secret: [next, secret] })).resolves.toEqual(event)
    expect((await refusal(verifyWebhook({ payload: body, signature, secret: [next] }))).reason).toBe('bad_hmac')
  })

  it.each([
    ['a duplicate key', `{"id":"${ID}","amount":"20.00","amount":"0.01"}`],
    ['a nested duplicate key', `{"id":"${ID}","payment_method":{"id":"a","id":"b"}}`],
    ['an own __proto__ key', `{"id":"${ID}","__proto__":{"admin":true}}`],
    ['an unsafe integer', `{"id":"${ID}","amount":"20.00","n":9007199254740993}`],
  ])('refuses signed content with %s', async (_what, content) => {
    const signature = await fernet.encrypt(secret, content)
    expect((await refusal(verifyWebhook({ payload: content, signature, secret }))).reason).toBe('malformed')
  })

  it.each([
    ['a duplicate key', (body: string) => body.replace('{', '{"amount":"0.01",')],
    ['an unsafe integer', (body: string) => body.replace('{', '{"n":9007199254740993,')],
  ])('refuses a raw body with %s even where its last value would match', async (_what, change) => {
    const { body, signature } = await signTestWebhook({ secret, payload: event })
    expect((await refusal(verifyWebhook({ payload: change(body), signature, secret }))).reason).toBe('mismatch')
  })

  it('refuses a parsed body that is not plain JSON data', async () => {
    const { signature } = await signTestWebhook({ secret, payload: event })
    const withProto = JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(event).slice(1)}`) as object
    expect((await refusal(verifyWebhook({ payload: withProto, signature, secret }))).message).toMatch(/__proto__/)
    expect((await refusal(verifyWebhook({ payload: { ...event, at: new Date() }, signature, secret }))).reason).toBe('mismatch')
  })
})

describe('createWebhookHandler fulfilment', () => {
  const settings = () => ({ secret, apiKey: 'sk_test_webhook', baseUrl: upstream.baseUrl, env: production })

  it('hands onPayment the checkout read back from Payfect, with the callback’s values as reported', async () => {
    upstream.on('GET', `/checkouts/${ID}/`, { json: checkoutFixture({ status: 'complete', amountTotal: '20.00', clientReferenceId: 'ord_1' }) })
    const onPayment = vi.fn<(payment: Payment) => void>()
    const onEvent = vi.fn<(value: unknown, request: Request) => void>()
    const handler = createWebhookHandler({ ...settings(), onPayment, onEvent })
    const response = await handler(await callback({ ...event, amount: '0.01' }))
    expect(response.status).toBe(200)
    expect(onEvent).toHaveBeenCalledWith({ ...event, amount: '0.01' }, expect.any(Request))
    expect(onPayment.mock.calls[0]?.[0]).toEqual({
      checkoutId: ID,
      clientReferenceId: 'ord_1',
      amount: '20.00',
      currency: 'usdt',
      livemode: false,
      source: 'webhook',
      reported: { amount: '0.01', currency: 'usdt', status: 'succeeded' },
    })
    expect(upstream.requests[0]?.headers.authorization).toBe('Api-Key sk_test_webhook')
  })

  it('answers 500 (so Payfect retries) when Payfect does not read the checkout as complete', async () => {
    upstream.on('GET', `/checkouts/${ID}/`, { json: checkoutFixture({ status: 'open' }) })
    const onPayment = vi.fn<(value: unknown, request: Request) => void>()
    const onError = vi.fn<(value: unknown, request: Request) => void>()
    const response = await createWebhookHandler({ ...settings(), onPayment, onError })(await callback())
    expect(response.status).toBe(500)
    expect(onPayment).not.toHaveBeenCalled()
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/reads it as open/) }), expect.any(Request))
  })

  it('reads the secret from PAYFECT_WEBHOOK_SECRET, several separated by commas', async () => {
    const onEvent = vi.fn<(value: unknown, request: Request) => void>()
    const handler = createWebhookHandler({ onEvent, env: { ...production, PAYFECT_WEBHOOK_SECRET: `${fernet.generateKey()}, ${secret}` } })
    expect((await handler(await callback())).status).toBe(200)
    expect(onEvent).toHaveBeenCalledTimes(1)
  })

  it('explains a body already read in a Web Request handler', async () => {
    const onError = vi.fn<(value: unknown, request: Request) => void>()
    const request = await callback()
    await request.json()
    const response = await createWebhookHandler({ secret, onEvent: () => {}, onError, env: production })(request)
    expect(response.status).toBe(500)
    expect(await response.json()).toMatchObject({ error: { code: 'body_already_read' } })
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/read the request body before the webhook handler.*request\.clone\(\)/) }), request)
  })

  it('logs each refusal with its fix in development, and tells onError in production', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const onError = vi.fn<(value: unknown, request: Request) => void>()
    try {
      const stale = await callback(event, fernet.generateKey())
      expect((await createWebhookHandler({ secret, onEvent: () => {}, onError, env: { NODE_ENV: 'development' } })(stale)).status).toBe(400)
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/signature_bad_hmac.*fix: use the secret of this endpoint/))
      expect(onError).not.toHaveBeenCalled()
      const again = await callback(event, fernet.generateKey())
      expect((await createWebhookHandler({ secret, onEvent: () => {}, onError, env: production })(again)).status).toBe(400)
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ reason: 'bad_hmac' }), again)
    } finally {
      warn.mockRestore()
    }
  })
})
