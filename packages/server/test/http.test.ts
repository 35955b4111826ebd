import { inspect } from 'node:util'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { Payfect, type PayfectOptions } from '../src/client'
import {
  PayfectAPIError,
  PayfectAuthenticationError,
  PayfectConnectionError,
  PayfectError,
  PayfectInvalidRequestError,
  PayfectNotFoundError,
  PayfectPermissionError,
  PayfectRateLimitError,
} from '../src/errors'
import { checkoutFixture, closedPort, startFakeUpstream, type FakeUpstream } from './fake-upstream'

const API_KEY = 'sk_test_http_Secret_4b3a2c'
const ID = 'ed8d24aa-a860-426b-8e56-87cb9f55a081'
const params = {
  currency: 'usdt',
  invoice_items: [{ price_data: { currency: 'usdt', unit_amount: '20.00', product_data: { name: 'Standard Plan' } }, quantity: 1 }],
}

let upstream: FakeUpstream
beforeAll(async () => {
  upstream = await startFakeUpstream()
})
afterEach(() => upstream.reset())
afterAll(() => upstream.close())

const client = (options: Partial<PayfectOptions> = {}) =>
  new Payfect({ apiKey: API_KEY, baseUrl: upstream.baseUrl, retryBaseDelayMs: 1, retryMaxDelayMs: 5, ...options })

async function failure(promise: Promise<unknown>): Promise<PayfectError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(PayfectError)
  const typed = error as PayfectError
  // Whatever went wrong, the key is nowhere in what a developer would log.
  for (const view of [typed.message, JSON.stringify(typed), JSON.stringify(typed.raw) ?? '', inspect(typed, { depth: 10 }), String(typed.stack)]) {
    expect(view).not.toContain(API_KEY)
  }
  return typed
}

const create = (options?: Partial<PayfectOptions>) => failure(client(options).checkouts.create(params))
const retrieve = (options?: Partial<PayfectOptions>) => failure(client(options).checkouts.retrieve(ID))

describe('each status maps to its error class', () => {
  it('400 with DRF field errors → PayfectInvalidRequestError with flattened fields', async () => {
    const body = { currency: ['This field is required.'], invoice_items: [{}, { quantity: ['Ensure this value is greater than or equal to 1.'] }] }
    upstream.enqueue({ status: 400, json: body })
    const error = await create()
    expect(error).toBeInstanceOf(PayfectInvalidRequestError)
    expect(error.status).toBe(400)
    expect(error.fields).toEqual({
      currency: ['This field is required.'],
      'invoice_items[1].quantity': ['Ensure this value is greater than or equal to 1.'],
    })
    expect(error.raw).toEqual(body)
    expect(error.message).toMatch(/^POST \/checkouts\/ answered 400: .*invoice_items\[1\]\.quantity/)
  })

  it('400 with DRF nested index objects → the same paths', async () => {
    upstream.enqueue({ status: 400, json: { invoice_items: { '0': { price_data: { unit_amount: ['A valid number is required.'] } } } } })
    const error = await create()
    expect(error.fields).toEqual({ 'invoice_items[0].price_data.unit_amount': ['A valid number is required.'] })
  })

  it.each([
    [401, { detail: 'Invalid API key.' }, PayfectAuthenticationError, /Invalid API key\..*Use a valid secret API key/],
    [403, { detail: 'You do not have permission to perform this action.' }, PayfectPermissionError, /permission.*Use the API key of the merchant that owns/],
    [404, { detail: 'Not found.' }, PayfectNotFoundError, /Check the id/],
    [429, { detail: 'Request was throttled.' }, PayfectRateLimitError, /throttled/],
    [500, { detail: 'Server Error' }, PayfectAPIError, /Payfect's side; retry later/],
    [502, { detail: 'Bad gateway' }, PayfectAPIError, /answered 502/],
  ] as const)('%i → %o', async (status, json, ErrorClass, message) => {
    upstream.enqueue({ status, json, headers: { 'x-request-id': 'req_123' } })
    const error = await create()
    expect(error).toBeInstanceOf(ErrorClass)
    expect(error.status).toBe(status)
    expect(error.raw).toEqual(json)
    expect(error.requestId).toBe('req_123')
    expect(error.message).toMatch(message)
  })

  it('an error body that is not JSON → PayfectAPIError with the text as raw', async () => {
    upstream.enqueue({ status: 502, text: '<html>Bad Gateway</html>', headers: { 'content-type': 'text/html' } })
    const error = await create()
    expect(error).toBeInstanceOf(PayfectAPIError)
    expect(error.raw).toBe('<html>Bad Gateway</html>')
    expect(error.message).toMatch(/body that is not JSON/)
  })

  it('a redirect is not followed: the key is never replayed elsewhere, and the message points at baseUrl', async () => {
    upstream.enqueue({ status: 301, text: '', headers: { location: 'https://elsewhere.example/api/v1/checkouts/' } })
    const error = await create()
    expect(error).toBeInstanceOf(PayfectAPIError)
    expect(error.status).toBe(301)
    expect(error.message).toMatch(/redirect.*baseUrl/)
    expect(upstream.requests).toHaveLength(1)
  })

  it('a 2xx whose JSON is not an object is refused as not what Payfect sends', async () => {
    upstream.enqueue({ status: 200, json: ['not', 'a', 'checkout'] })
    const error = await create()
    expect(error).toBeInstanceOf(PayfectAPIError)
    expect(error.message).toMatch(/not the JSON object Payfect sends/)
  })

  it('a 400 that is not JSON is a PayfectAPIError too (no fields to trust)', async () => {
    upstream.enqueue({ status: 400, text: 'Bad Request' })
    expect(await create()).toBeInstanceOf(PayfectAPIError)
  })

  it.each([
    ['HTML', { text: '<html>hi</html>' }],
    ['empty', { text: '' }],
    ['JSON null', { json: null }],
    ['a JSON string', { json: 'ok' }],
    ['a JSON array', { json: [] }],
  ])('a 2xx with a %s body → PayfectAPIError, never a silent success', async (_, reply) => {
    upstream.enqueue({ status: 200, ...reply })
    const error = await create()
    expect(error).toBeInstanceOf(PayfectAPIError)
    expect(error.status).toBe(200)
  })

  it('a redirect is not followed (the key must not travel elsewhere) → typed error', async () => {
    upstream.enqueue({ status: 301, text: '', headers: { location: 'http://127.0.0.1:1/steal' } })
    const error = await create()
    expect(error).toBeInstanceOf(PayfectAPIError)
    expect(error.status).toBe(301)
    expect(upstream.requests).toHaveLength(1)
  })

  it('redacts the key from a body that echoes it', async () => {
    upstream.enqueue({ status: 401, json: { detail: `Unknown key ${API_KEY}`, [`h-${API_KEY}`]: [`Api-Key ${API_KEY}`] } })
    const error = await failure(client().checkouts.create(params))
    expect(error.raw).toEqual({ detail: 'Unknown key [redacted]', 'h-[redacted]': ['Api-Key [redacted]'] })
    expect(error.message).toContain('Unknown key [redacted]')
  })
})

describe('what cannot be sent', () => {
  it('params that are not JSON-serializable → PayfectInvalidRequestError, nothing sent', async () => {
    const bad = { ...params, payment_method_data: { type: 'cryptopaymentmethoddetail', extra: 10n } }
    const error = await failure(client().checkouts.create(bad as never))
    expect(error).toBeInstanceOf(PayfectInvalidRequestError)
    expect(error.message).toMatch(/cannot be sent as JSON/)
    expect(upstream.requests).toHaveLength(0)
  })

  it('null request options are treated as none', async () => {
    upstream.enqueue({ json: checkoutFixture() })
    await expect(client().checkouts.retrieve(ID, null as never)).resolves.toMatchObject({ id: ID })
  })
})

describe('timeouts', () => {
  it('aborts a slow POST after timeoutMs → PayfectConnectionError with timedOut, not retried', async () => {
    upstream.enqueue({ delayMs: 10_000, json: checkoutFixture() })
    // Long enough for the request to arrive on a busy machine; the answer never comes in time.
    const error = (await create({ timeoutMs: 500 })) as PayfectConnectionError
    expect(error).toBeInstanceOf(PayfectConnectionError)
    expect(error.timedOut).toBe(true)
    expect(error.notSent).toBe(false)
    expect(error.message).toMatch(/POST \/checkouts\/ timed out after 500 ms.*not retried because Payfect may have received it/)
    expect(upstream.requests).toHaveLength(1)
  })

  it('retries a GET that timed out, and succeeds', async () => {
    upstream.enqueue({ delayMs: 10_000, json: checkoutFixture() }, { json: checkoutFixture({ status: 'expired' }) })
    const checkout = await client({ timeoutMs: 1_000 }).checkouts.retrieve(ID)
    expect(checkout.status).toBe('expired')
    expect(upstream.requests).toHaveLength(2)
  })

  it('covers the body too: a response that stalls mid-body times out', async () => {
    upstream.enqueue({ stall: true, json: checkoutFixture() })
    const error = (await retrieve({ maxRetries: 0, timeoutMs: 100 })) as PayfectConnectionError
    expect(error).toBeInstanceOf(PayfectConnectionError)
    expect(error.timedOut).toBe(true)
  })

  it('a per-request timeoutMs overrides the client one', async () => {
    upstream.enqueue({ delayMs: 10_000, json: checkoutFixture() })
    const error = await failure(client({ timeoutMs: 60_000 }).checkouts.create(params, { timeoutMs: 30 }))
    expect((error as PayfectConnectionError).timedOut).toBe(true)
  })
})

describe('the caller’s AbortSignal', () => {
  it('aborts an in-flight request; no retry follows', async () => {
    upstream.enqueue({ delayMs: 10_000, json: checkoutFixture() })
    const controller = new AbortController()
    const pending = failure(client().checkouts.retrieve(ID, { signal: controller.signal }))
    await waitFor(() => upstream.requests.length === 1)
    controller.abort(new Error('user navigated away'))
    const error = (await pending) as PayfectConnectionError
    expect(error).toBeInstanceOf(PayfectConnectionError)
    expect(error.timedOut).toBe(false)
    expect(error.message).toMatch(/aborted by the caller's AbortSignal/)
    expect(error.cause).toEqual(new Error('user navigated away'))
    expect(upstream.requests).toHaveLength(1)
  })

  it('an already-aborted signal sends nothing', async () => {
    const error = await failure(client().checkouts.retrieve(ID, { signal: AbortSignal.abort() }))
    expect(error).toBeInstanceOf(PayfectConnectionError)
    expect(upstream.requests).toHaveLength(0)
  })

  it('aborting during the wait before a retry stops the retries', async () => {
    const controller = new AbortController()
    upstream.fallback((request) => {
      controller.abort()
      return { status: 503, json: { detail: `down (${request.method})` } }
    })
    const error = await failure(client({ retryBaseDelayMs: 60_000, retryMaxDelayMs: 60_000 }).checkouts.retrieve(ID, { signal: controller.signal }))
    expect(error.message).toMatch(/aborted by the caller's AbortSignal/)
    // The first attempt did reach Payfect.
    expect((error as PayfectConnectionError).notSent).toBe(false)
    expect(upstream.requests).toHaveLength(1)
  })
})

describe('retry rules', () => {
  it.each([
    ['503', { status: 503, json: { detail: 'Service unavailable' } }],
    ['429', { status: 429, json: { detail: 'Request was throttled.' }, headers: { 'retry-after': '0' } }],
    ['a socket reset', { destroy: 'request' as const }],
    ['a 502 HTML page', { status: 502, text: '<html>502</html>' }],
  ])('GET is retried after %s, then succeeds', async (_, reply) => {
    upstream.enqueue(reply, reply, { json: checkoutFixture({ status: 'complete' }) })
    const checkout = await client().checkouts.retrieve(ID)
    expect(checkout.status).toBe('complete')
    expect(upstream.requests.map((r) => `${r.method} ${r.path}`)).toEqual(Array(3).fill(`GET /checkouts/${ID}/`))
  })

  it('GET gives up after maxRetries with the last error', async () => {
    upstream.fallback({ status: 503, json: { detail: 'Service unavailable' } })
    const error = await retrieve({ maxRetries: 2 })
    expect(error).toBeInstanceOf(PayfectAPIError)
    expect(error.status).toBe(503)
    expect(upstream.requests).toHaveLength(3)
  })

  it('a GET network failure that exhausts the retries says so', async () => {
    upstream.fallback({ destroy: 'request' })
    const error = (await retrieve({ maxRetries: 1 })) as PayfectConnectionError
    expect(error).toBeInstanceOf(PayfectConnectionError)
    expect(error.notSent).toBe(false)
    expect(error.message).toMatch(/could not reach Payfect at http:\/\/127\.0\.0\.1:\d+: .*\(gave up after 2 attempts\)/)
    expect(upstream.requests).toHaveLength(2)
  })

  it('maxRetries: 0 per request turns retries off', async () => {
    upstream.fallback({ status: 503, json: { detail: 'down' } })
    await failure(client().checkouts.retrieve(ID, { maxRetries: 0 }))
    expect(upstream.requests).toHaveLength(1)
  })

  it('4xx other than 429 is never retried', async () => {
    upstream.fallback({ status: 404, json: { detail: 'Not found.' } })
    expect(await retrieve()).toBeInstanceOf(PayfectNotFoundError)
    expect(upstream.requests).toHaveLength(1)
  })

  it('POST is not retried on 503', async () => {
    upstream.fallback({ status: 503, json: { detail: 'Service unavailable' } })
    expect(await create()).toBeInstanceOf(PayfectAPIError)
    expect(upstream.requests).toHaveLength(1)
  })

  it('POST is not retried on 429', async () => {
    upstream.fallback({ status: 429, json: { detail: 'throttled' }, headers: { 'retry-after': '0' } })
    expect(await create()).toBeInstanceOf(PayfectRateLimitError)
    expect(upstream.requests).toHaveLength(1)
  })

  it('POST is not retried on a socket reset after the server received it', async () => {
    upstream.fallback({ destroy: 'request' })
    const error = (await create()) as PayfectConnectionError
    expect(error).toBeInstanceOf(PayfectConnectionError)
    expect(error.notSent).toBe(false)
    expect(upstream.requests).toHaveLength(1)
  })

  it('POST is not retried when the connection drops mid-response', async () => {
    upstream.fallback({ destroy: 'response', json: checkoutFixture() })
    const error = (await create()) as PayfectConnectionError
    expect(error).toBeInstanceOf(PayfectConnectionError)
    expect(error.timedOut).toBe(false)
    expect(upstream.requests).toHaveLength(1)
  })

  it('GET is retried when the connection drops mid-response', async () => {
    upstream.enqueue({ destroy: 'response', json: checkoutFixture() }, { json: checkoutFixture({ status: 'complete' }) })
    expect((await client().checkouts.retrieve(ID)).status).toBe('complete')
    expect(upstream.requests).toHaveLength(2)
  })

  it('POST is retried when the connection was refused, and succeeds once Payfect answers', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}/api/v1`
    const calls: string[] = []
    upstream.on('POST', '/checkouts/', { json: checkoutFixture() })
    // The first attempt goes to a port with nothing listening; the retry reaches the live upstream.
    const payfect = client({
      baseUrl: dead,
      fetch: (input, init) => {
        calls.push(String(input))
        return fetch(calls.length === 1 ? String(input) : String(input).replace(dead, upstream.baseUrl), init)
      },
    })
    const checkout = await payfect.checkouts.create(params)
    expect(checkout.id).toBe(ID)
    expect(calls).toEqual([`${dead}/checkouts/`, `${dead}/checkouts/`])
    expect(upstream.requests).toHaveLength(1)
  })

  it('POST to a closed port: retried maxRetries times, then PayfectConnectionError with notSent', async () => {
    let calls = 0
    const baseUrl = `http://127.0.0.1:${await closedPort()}/api/v1`
    const error = (await create({ baseUrl, maxRetries: 2, fetch: (input, init) => (calls++, fetch(input, init)) })) as PayfectConnectionError
    expect(error).toBeInstanceOf(PayfectConnectionError)
    expect(error.notSent).toBe(true)
    expect(error.timedOut).toBe(false)
    expect(error.message).toMatch(/ECONNREFUSED.*gave up after 3 attempts.*never reached Payfect/)
    expect(calls).toBe(3)
  })

  it('respects Retry-After, capped by retryMaxDelayMs', async () => {
    // Retry-After of an hour must not stall the test: the cap (5 ms here) applies.
    upstream.enqueue({ status: 429, json: { detail: 'slow down' }, headers: { 'retry-after': '3600' } }, { json: checkoutFixture() })
    await client().checkouts.retrieve(ID)
    upstream.enqueue({ status: 503, json: { detail: 'down' }, headers: { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() } }, { json: checkoutFixture() })
    await client().checkouts.retrieve(ID)
    expect(upstream.requests).toHaveLength(4)
  })
})

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2))
}
