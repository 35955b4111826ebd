// toNodeHandler's lighter request and response for the SDK's own handlers: the handler sees
// a Request that behaves as one, merchant callbacks get a standard Request, and the answer
// on the wire is the same as through the standard path.
import { type IncomingMessage, type ServerResponse, request as httpRequest } from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type InvoiceItemParams, createCheckoutHandler } from '../src/index'
import { toNodeHandler } from '../src/node'
import { nodeHeaders, standardHeaders } from '../src/node-headers'
import { nodeJsonResponse, unreadJsonResponse } from '../src/node-response'
import { bufferedBody, markFastPath } from '../src/request-fast-path'
import { checkoutFixture, type FakeUpstream, startFakeUpstream } from './fake-upstream'
import { type Listening, listen } from './support/listen'

let app: Listening | undefined
let upstream: FakeUpstream
beforeAll(async () => {
  upstream = await startFakeUpstream()
})
afterAll(() => upstream.close())
afterEach(async () => {
  await app?.close()
  app = undefined
})

function post(url: string, body: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

describe('toNodeHandler with one of the SDK’s own handlers', () => {
  it('hands it a Request that answers everything a Request does, built on demand', async () => {
    const seen: Record<string, unknown> = {}
    app = await listen(
      toNodeHandler(
        markFastPath(async (request: Request) => {
          seen.buffered = bufferedBody(request)?.byteLength
          seen.isRequest = request instanceof Request
          seen.method = request.method
          seen.url = request.url
          seen.header = request.headers.get('x-shop')
          seen.clone = await request.clone().text()
          seen.text = await request.text()
          seen.bodyUsed = request.bodyUsed
          seen.signal = request.signal instanceof AbortSignal && !request.signal.aborted
          return Response.json({ ok: true })
        }),
      ),
    )
    const res = await post(`${app.url}/route?x=1`, '{"items":[]}', { 'x-shop': 'yes' })
    expect(res.status).toBe(200)
    expect(seen).toEqual({
      buffered: 12,
      isRequest: true,
      method: 'POST',
      url: `${app.url}/route?x=1`,
      header: 'yes',
      clone: '{"items":[]}',
      text: '{"items":[]}',
      bodyUsed: true,
      signal: true,
    })
  })

  it('gives a handler that is not the SDK’s a standard Request', async () => {
    let buffered: unknown = 'unset'
    app = await listen(
      toNodeHandler(async (request: Request) => {
        buffered = bufferedBody(request)
        return new Response(await request.text())
      }),
    )
    const res = await post(`${app.url}/`, '{"a":1}')
    expect(res.body).toBe('{"a":1}')
    expect(buffered).toBeUndefined()
  })

  it('gives merchant callbacks a standard Request carrying the body', async () => {
    upstream.fallback({ json: checkoutFixture() })
    const calls: Array<{ isStandard: boolean; text: string; signal: boolean }> = []
    const inspectRequest = async (request: Request) => {
      calls.push({ isStandard: bufferedBody(request) === undefined, text: await request.clone().text(), signal: request.signal instanceof AbortSignal })
    }
    const handler = createCheckoutHandler({
      apiKey: 'sk_test_fast_path',
      baseUrl: upstream.baseUrl,
      resolveItems: async (_items, request): Promise<InvoiceItemParams[]> => {
        await inspectRequest(request)
        return [{ price_data: { currency: 'usdt', unit_amount: '1.00', product_data: { name: 'Thing' } }, quantity: 1 }]
      },
      clientReferenceId: async (request) => {
        await inspectRequest(request)
        return 'order_1'
      },
      successUrl: async (request) => {
        await inspectRequest(request)
        return '/thanks'
      },
    })
    app = await listen(toNodeHandler(handler))
    const body = JSON.stringify({ items: [{ price: 'thing' }] })
    const res = await post(`${app.url}/api/payfect/checkouts`, body)
    expect(res.status).toBe(200)
    expect(calls).toEqual(Array.from({ length: 3 }, () => ({ isStandard: true, text: body, signal: true })))
  })

  it('writes its JSON answer in one piece with a Content-Length, the same as the standard path', async () => {
    upstream.fallback({ json: checkoutFixture() })
    const options = { apiKey: 'sk_test_fast_path', baseUrl: upstream.baseUrl, catalog: { a: { name: 'A', unitAmount: '2.50', currency: 'usdt' } } }
    const body = JSON.stringify({ items: [{ price: 'a', quantity: 2 }] })
    const fast = toNodeHandler(createCheckoutHandler(options))
    const standardHandler = createCheckoutHandler(options)
    const standard = toNodeHandler((request) => standardHandler(request))
    app = await listen((req: IncomingMessage, res: ServerResponse) => (req.url === '/fast' ? fast : standard)(req, res))
    const [a, b] = [await post(`${app.url}/fast`, body), await post(`${app.url}/standard`, body)]
    expect(a.status).toBe(200)
    expect(a.body).toBe(b.body)
    expect(a.headers['content-length']).toBe(String(Buffer.byteLength(a.body)))
    expect(a.headers['transfer-encoding']).toBeUndefined()
    for (const name of ['content-type', 'cache-control', 'x-content-type-options']) expect(a.headers[name]).toBe(b.headers[name])
  })
})

describe('the lighter JSON answer', () => {
  it('is a Response in every way, and is written directly only while nothing has read it', async () => {
    const response = nodeJsonResponse(201, '{"a":1}', { 'content-type': 'application/json' })
    expect(response).toBeInstanceOf(Response)
    expect(unreadJsonResponse(response)).toEqual({ status: 201, text: '{"a":1}', headers: { 'content-type': 'application/json' } })
    expect(response.status).toBe(201)
    expect(response.ok).toBe(true)
    expect(response.headers.get('content-type')).toBe('application/json')
    // From here the standard Response is the truth.
    expect(unreadJsonResponse(response)).toBeUndefined()
    expect(await response.json()).toEqual({ a: 1 })
    expect(response.bodyUsed).toBe(true)
    expect(unreadJsonResponse(new Response('{}'))).toBeUndefined()
  })
})

describe('the lighter request headers', () => {
  const raw = ['Host', 'shop.example', 'X-Tag', 'a', 'content-type', 'application/json', 'x-tag', 'b', ':path', '/']

  it('reads a header as Headers#get does: any case, repeated values joined', () => {
    const headers = nodeHeaders(raw)
    const standard = standardHeaders(raw)
    for (const name of ['host', 'HOST', 'x-tag', 'Content-Type', 'origin']) expect(headers.get(name)).toBe(standard.get(name))
    expect(headers.get('x-tag')).toBe('a, b')
    expect(headers.get('origin')).toBeNull()
  })

  it('is Headers in every way, answered by a standard one built on first use', () => {
    const headers = nodeHeaders(raw)
    expect(headers).toBeInstanceOf(Headers)
    expect(headers.has('x-tag')).toBe(true)
    expect([...headers]).toEqual([...standardHeaders(raw)])
    expect(Object.fromEntries(headers.entries())).toEqual({ host: 'shop.example', 'x-tag': 'a, b', 'content-type': 'application/json' })
    headers.set('x-tag', 'c')
    expect(headers.get('x-tag')).toBe('c')
  })
})
