import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  PayfectConfigurationError,
  PayfectSignatureError,
  type WebhookEvent,
  createWebhookHandler,
  fernet,
  verifyWebhook,
} from '../src/index'
import { toNodeHandler } from '../src/node'
import { type Listening, listen } from './support/listen'

const secret = fernet.generateKey()
const now = 1_800_000_000
const event: WebhookEvent = {
  id: 'ed8d24aa-a860-426b-8e56-87cb9f55a081',
  amount: '20.00',
  status: 'succeeded',
  currency: 'usdt',
  merchant: 'bf065cc8-343d-4419-be7d-ed2190f1df4d',
  is_livemode: false,
  payment_intent: 'b7c30e83-5439-47b2-ac4d-81c64c1d0174',
  payment_method: { id: '74fa9095-0000-4000-8000-000000000000', payment_method_detail: { network: 'tron', currency: 'usdt' } },
  client_reference_id: '5ae50223-e455-4a72-a48d-fe7d85800e64',
}
const body = JSON.stringify(event)
/** What Payfect's Python does: a Fernet token over the JSON it posts. */
const sign = (content: string | object = body, at = now, key = secret) =>
  fernet.encrypt(key, typeof content === 'string' ? content : JSON.stringify(content), { now: at })

async function refusal(options: Parameters<typeof verifyWebhook>[0]): Promise<PayfectSignatureError> {
  const error = await verifyWebhook(options).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(PayfectSignatureError)
  return error as PayfectSignatureError
}

describe('verifyWebhook', () => {
  it('returns the event of a good callback', async () => {
    await expect(verifyWebhook({ payload: body, signature: await sign(), secret, now })).resolves.toEqual(event)
  })

  it('accepts the body as bytes, with other key order and whitespace than the signed JSON', async () => {
    const { amount, id, ...rest } = event
    const reordered = JSON.stringify({ ...rest, amount, id }, null, 2)
    expect(reordered).not.toBe(body)
    const payload = new TextEncoder().encode(reordered)
    await expect(verifyWebhook({ payload, signature: await sign(), secret, now })).resolves.toEqual(event)
  })

  it('accepts a signature 299 s old by default, and up to toleranceSeconds when set', async () => {
    await expect(verifyWebhook({ payload: body, signature: await sign(body, now - 299), secret, now })).resolves.toEqual(event)
    await expect(verifyWebhook({ payload: body, signature: await sign(body, now - 900), secret, now, toleranceSeconds: 1000 })).resolves.toEqual(event)
  })

  it.each([null, undefined, '', '   '])('missing: signature %j', async (signature) => {
    const error = await refusal({ payload: body, signature, secret, now })
    expect(error.reason).toBe('missing')
    expect(error.message).toMatch(/X-Payfect-Signature/)
  })

  it('malformed: not base64url, or not a Fernet token', async () => {
    expect((await refusal({ payload: body, signature: 'sha256=abcdef', secret, now })).reason).toBe('malformed')
    expect((await refusal({ payload: body, signature: Buffer.alloc(100).toString('base64url'), secret, now })).reason).toBe('malformed')
    const valid = await sign()
    expect((await refusal({ payload: body, signature: valid.slice(0, 60), secret, now })).reason).toBe('malformed')
  })

  it('bad_secret: a secret that is not a Fernet key, never echoed', async () => {
    const bad = 'whsec_live_0123456789abcdef'
    const error = await refusal({ payload: body, signature: await sign(), secret: bad, now })
    expect(error.reason).toBe('bad_secret')
    expect(error.message).not.toContain(bad)
    expect(error.message).toMatch(/32 bytes/)
  })

  it('bad_hmac: signed with another secret, or tampered with', async () => {
    expect((await refusal({ payload: body, signature: await sign(body, now, fernet.generateKey()), secret, now })).reason).toBe('bad_hmac')
    const token = await sign()
    const i = 40
    const tampered = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1)
    expect((await refusal({ payload: body, signature: tampered, secret, now })).reason).toBe('bad_hmac')
  })

  it('expired: older than toleranceSeconds', async () => {
    const error = await refusal({ payload: body, signature: await sign(body, now - 301), secret, now })
    expect(error.reason).toBe('expired')
    expect((await refusal({ payload: body, signature: await sign(body, now - 11), secret, now, toleranceSeconds: 10 })).reason).toBe('expired')
  })

  it('future: dated beyond 60 s of clock skew', async () => {
    expect((await refusal({ payload: body, signature: await sign(body, now + 61), secret, now })).reason).toBe('future')
    await expect(verifyWebhook({ payload: body, signature: await sign(body, now + 59), secret, now })).resolves.toEqual(event)
  })

  it('mismatch: the body differs from the signed JSON, and the message asks for the raw body', async () => {
    const error = await refusal({ payload: JSON.stringify({ ...event, amount: '2000.00' }), signature: await sign(), secret, now })
    expect(error.reason).toBe('mismatch')
    expect(error.message).toMatch(/raw request body/)
    expect(error.message).toContain('await request.text()')
  })

  it.each([
    ['an extra field', { ...event, extra: true }],
    ['a missing field', { ...event, client_reference_id: undefined }],
    ['an amount as a number', { ...event, amount: 20 }],
    ['a different nested value', { ...event, payment_method: { ...event.payment_method, payment_method_detail: { network: 'eth', currency: 'usdt' } } }],
  ])('mismatch: a body with %s', async (_name, changed) => {
    expect((await refusal({ payload: JSON.stringify(changed), signature: await sign(), secret, now })).reason).toBe('mismatch')
  })

  it('mismatch: a body or signed content that is not JSON, or a parsed body that differs', async () => {
    expect((await refusal({ payload: 'amount=20.00', signature: await sign(), secret, now })).reason).toBe('mismatch')
    expect((await refusal({ payload: '', signature: await sign(), secret, now })).reason).toBe('mismatch')
    expect((await refusal({ payload: new Uint8Array([0xff, 0xfe]), signature: await sign(), secret, now })).reason).toBe('mismatch')
    // Signed content that is not a JSON object is no Payfect callback, whatever the body.
    expect((await refusal({ payload: 'hello', signature: await sign('hello'), secret, now })).reason).toBe('malformed')
    const parsed = await refusal({ payload: { ...event, amount: '0.01' }, signature: await sign(), secret, now })
    expect(parsed.reason).toBe('mismatch')
    expect(parsed.message).toMatch(/raw request body/)
  })

  it('verifies on Web Crypto, and refuses a forgery', async () => {
    await expect(verifyWebhook({ payload: body, signature: await sign(), secret, now })).resolves.toEqual(event)
    const forged = await sign(body, now, fernet.generateKey())
    expect((await refusal({ payload: body, signature: forged, secret, now })).reason).toBe('bad_hmac')
  })

  it('refuses a negative tolerance as a configuration error', async () => {
    await expect(verifyWebhook({ payload: body, signature: await sign(), secret, toleranceSeconds: -1 })).rejects.toBeInstanceOf(PayfectConfigurationError)
  })
})

describe('createWebhookHandler configuration', () => {
  const onEvent = () => {}

  it('refuses a malformed secret given in code without echoing it, and reads a missing one on the first callback', async () => {
    expect(() => createWebhookHandler({ secret: '', onEvent })).toThrow(/missing/)
    const log = vi.fn<(value: unknown, request: Request) => void>()
    const unset = createWebhookHandler({ onEvent, onError: log, env: { NODE_ENV: 'production' } })
    const response = await unset(new Request('http://localhost/api/payfect/webhook', { method: 'POST', body, headers: { 'x-payfect-signature': await sign() } }))
    expect(response.status).toBe(500)
    expect(await response.text()).not.toMatch(/PAYFECT_/)
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/PAYFECT_WEBHOOK_SECRET/) }), expect.any(Request))
    const bad = 'my-super-secret-but-wrong'
    let error: unknown
    try {
      createWebhookHandler({ secret: bad, onEvent })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(PayfectConfigurationError)
    expect((error as Error).message).not.toContain(bad)
  })

  it('refuses a missing onEvent or a bad tolerance', () => {
    expect(() => createWebhookHandler({ secret } as never)).toThrow(/onEvent/)
    expect(() => createWebhookHandler({ secret, onEvent, toleranceSeconds: Number.NaN })).toThrow(/toleranceSeconds/)
  })
})

describe('createWebhookHandler over HTTP (toNodeHandler + node:http)', () => {
  const onEvent = vi.fn<(event: WebhookEvent, request: Request) => Promise<void>>()
  const onError = vi.fn<(error: unknown, request: Request) => void>()
  let app: Listening

  beforeAll(async () => {
    // A Fernet token is ~4/3 of the body, so big callbacks need more than Node's 16 KiB header limit.
    app = await listen(toNodeHandler(createWebhookHandler({ secret, onEvent, onError, env: { NODE_ENV: 'production' } })), { maxHeaderSize: 1024 * 1024 })
  })
  afterAll(() => app.close())

  const post = (payload: BodyInit, signature?: string, init: RequestInit = {}) =>
    fetch(`${app.url}/api/payfect/webhook`, {
      method: 'POST',
      body: payload,
      ...init,
      headers: { 'content-type': 'application/json', ...(signature ? { 'X-Payfect-Signature': signature } : {}), ...(init.headers as object) },
    })

  it('answers 200 { received: true } and calls onEvent once with the event and the request', async () => {
    onEvent.mockReset().mockResolvedValue(undefined)
    const res = await post(body, await sign(body, Math.floor(Date.now() / 1000)))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ received: true })
    expect(onEvent).toHaveBeenCalledTimes(1)
    expect(onEvent.mock.calls[0]![0]).toEqual(event)
    expect(onEvent.mock.calls[0]![1]).toBeInstanceOf(Request)
    expect(onEvent.mock.calls[0]![1].url).toBe(`${app.url}/api/payfect/webhook`)
  })

  const cases: [string, () => Promise<string | undefined>, string][] = [
    ['missing', async () => undefined, body],
    ['malformed', async () => 'not-a-token', body],
    ['bad_hmac', () => sign(body, Math.floor(Date.now() / 1000), fernet.generateKey()), body],
    ['expired', () => sign(body, Math.floor(Date.now() / 1000) - 3600), body],
    ['future', () => sign(body, Math.floor(Date.now() / 1000) + 3600), body],
    ['mismatch', () => sign(body, Math.floor(Date.now() / 1000)), JSON.stringify({ ...event, amount: '0.01' })],
  ]
  it.each(cases)('answers 400 signature_error (%s) and never calls onEvent', async (reason, makeSignature, payload) => {
    onEvent.mockReset()
    const res = await post(payload, await makeSignature())
    expect(res.status).toBe(400)
    const json = (await res.json()) as { error: { type: string; code: string; message: string } }
    expect(json.error.type).toBe('signature_error')
    expect(json.error.code).toBe(`signature_${reason}`)
    expect(json.error.message.length).toBeGreaterThan(20)
    expect(json.error.message).not.toContain(secret)
    expect(onEvent).not.toHaveBeenCalled()
  })

  it('answers 405 with Allow: POST to other methods', async () => {
    onEvent.mockReset()
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await fetch(`${app.url}/api/payfect/webhook`, { method })
      expect(res.status).toBe(405)
      expect(res.headers.get('allow')).toBe('POST')
    }
    expect(onEvent).not.toHaveBeenCalled()
  })

  it('answers 413 to a body over 256 KiB, declared or streamed', async () => {
    onEvent.mockReset()
    const big = JSON.stringify({ ...event, padding: 'x'.repeat(300 * 1024) })
    // Refused on size before the signature is even read.
    const signature = await sign(body, Math.floor(Date.now() / 1000))
    expect((await post(big, signature)).status).toBe(413)

    const chunks = [new TextEncoder().encode(big.slice(0, 200_000)), new TextEncoder().encode(big.slice(200_000))]
    const stream = new ReadableStream({
      pull(controller) {
        const next = chunks.shift()
        if (next) controller.enqueue(next)
        else controller.close()
      },
    })
    const res = await post(stream, signature, { duplex: 'half' } as RequestInit)
    expect(res.status).toBe(413)
    expect(onEvent).not.toHaveBeenCalled()
  })

  it('accepts a body just under the cap (its signature header is larger still)', async () => {
    onEvent.mockReset().mockResolvedValue(undefined)
    const payload = JSON.stringify({ ...event, padding: 'x'.repeat(200 * 1024) })
    const res = await post(payload, await sign(payload, Math.floor(Date.now() / 1000)))
    expect(res.status).toBe(200)
    expect(onEvent).toHaveBeenCalledTimes(1)
  })

  it('answers 500, without the thrown details, when onEvent throws (so Payfect retries)', async () => {
    onEvent.mockReset().mockRejectedValue(new Error('db password=hunter2 refused'))
    onError.mockReset()
    const res = await post(body, await sign(body, Math.floor(Date.now() / 1000)))
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(text).not.toContain('hunter2')
    expect(JSON.parse(text)).toMatchObject({ error: { type: 'api_error' } })
    expect(onEvent).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledTimes(1)
    expect((onError.mock.calls[0]![0] as Error).message).toContain('hunter2')
  })
})

describe('edge runtimes', () => {
  it('verification bundles for a platform without Node built-ins', async () => {
    const entry = fileURLToPath(new URL('../src/webhooks/index.ts', import.meta.url))
    const result = await build({ entryPoints: [entry], bundle: true, platform: 'neutral', format: 'esm', write: false, logLevel: 'silent' })
    expect(result.errors).toEqual([])
    expect(result.outputFiles[0]!.text).not.toMatch(/from\s*["']node:/)
  })
})
