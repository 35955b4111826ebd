import { createHash } from 'node:crypto'
import { Agent, type IncomingHttpHeaders, request as httpRequest } from 'node:http'
import express from 'express'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createWebhookHandler, fernet } from '../src/index'
import { toNodeHandler } from '../src/node'
import { type Listening, listen } from './support/listen'

let app: Listening | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

async function serve(handler: (request: Request) => Response | Promise<Response>, options?: Parameters<typeof toNodeHandler>[1]) {
  app = await listen(toNodeHandler(handler, options))
  return app.url
}

/** A raw node:http request, to see headers exactly as sent (fetch merges some). */
function raw(url: string, options: { method?: string; headers?: Record<string, string | string[]>; body?: string; agent?: Agent } = {}) {
  return new Promise<{ status: number; statusMessage: string; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers, agent: options.agent }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, statusMessage: res.statusMessage!, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

const echo = async (request: Request) =>
  Response.json({
    method: request.method,
    url: request.url,
    headers: Object.fromEntries(request.headers),
    body: request.method === 'GET' || request.method === 'HEAD' ? null : await request.text(),
  })

describe('toNodeHandler: the web Request', () => {
  it('carries method, absolute URL with query, headers and body', async () => {
    const url = await serve(echo)
    const res = await fetch(`${url}/api/payfect/checkouts?x=1&y=%20two`, {
      method: 'PATCH',
      headers: { 'X-Custom': 'yes', 'content-type': 'text/plain' },
      body: 'hello body',
    })
    const seen = (await res.json()) as { method: string; url: string; headers: Record<string, string>; body: string }
    expect(seen.method).toBe('PATCH')
    expect(seen.url).toBe(`${url}/api/payfect/checkouts?x=1&y=%20two`)
    expect(seen.headers['x-custom']).toBe('yes')
    expect(seen.headers['content-type']).toBe('text/plain')
    expect(seen.body).toBe('hello body')
  })

  it('keeps repeated request headers', async () => {
    const url = await serve(echo)
    const res = await raw(`${url}/`, { headers: { 'x-multi': ['a', 'b'] } })
    expect(JSON.parse(res.body).headers['x-multi']).toBe('a, b')
  })

  it('gives GET no body and an empty POST an empty one', async () => {
    const url = await serve(echo)
    expect((await (await fetch(url)).json()).body).toBeNull()
    expect((await (await fetch(url, { method: 'POST' })).json()).body).toBe('')
  })

  it('never builds the URL from X-Forwarded-*', async () => {
    const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'shop.example.com' }
    const plain = await serve(echo)
    expect(JSON.parse((await raw(`${plain}/a?b=1`, { headers })).body).url).toBe(`${plain}/a?b=1`)
  })

  it('keeps a path that starts with // on this origin', async () => {
    const url = await serve(echo)
    const res = await raw(`${url}//evil.example/x`)
    expect(JSON.parse(res.body).url).toBe(`${url}//evil.example/x`)
  })

  it('streams a large body both ways unchanged (8 MiB, under a raised cap)', async () => {
    const url = await serve((request) => new Response(request.body, { headers: { 'content-type': 'application/octet-stream' } }), { maxBodyBytes: 16 * 1024 * 1024 })
    const big = new Uint8Array(8 * 1024 * 1024).map((_, i) => (i * 7 + (i >> 10)) % 256)
    const res = await fetch(url, { method: 'POST', body: big })
    const back = new Uint8Array(await res.arrayBuffer())
    expect(back.length).toBe(big.length)
    expect(createHash('sha256').update(back).digest('hex')).toBe(createHash('sha256').update(big).digest('hex'))
  })
})

describe('toNodeHandler: the Response', () => {
  it('writes status, status text, headers and each Set-Cookie separately', async () => {
    const url = await serve(() => {
      const headers = new Headers({ 'content-type': 'text/plain', 'x-request-id': 'req_1' })
      headers.append('set-cookie', 'a=1; Path=/; HttpOnly')
      headers.append('set-cookie', 'b=2; Path=/; Secure')
      return new Response('created', { status: 201, statusText: 'Made It', headers })
    })
    const res = await raw(url)
    expect(res.status).toBe(201)
    expect(res.statusMessage).toBe('Made It')
    expect(res.headers['content-type']).toBe('text/plain')
    expect(res.headers['x-request-id']).toBe('req_1')
    expect(res.headers['set-cookie']).toEqual(['a=1; Path=/; HttpOnly', 'b=2; Path=/; Secure'])
    expect(res.body).toBe('created')
  })

  it('streams a body the handler produces piece by piece', async () => {
    const url = await serve(() => {
      let n = 0
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          await new Promise((r) => setImmediate(r))
          if (n < 5) controller.enqueue(new TextEncoder().encode(`chunk${n++};`))
          else controller.close()
        },
      })
      return new Response(stream)
    })
    expect(await (await fetch(url)).text()).toBe('chunk0;chunk1;chunk2;chunk3;chunk4;')
  })

  it('sends a complete body in one piece with a Content-Length, and still streams one that is being produced', async () => {
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    const url = await serve((request) => {
      if (new URL(request.url).pathname === '/whole') return new Response('created')
      let step = 0
      return new Response(
        new ReadableStream<Uint8Array>({
          async pull(controller) {
            if (step++ === 0) return controller.enqueue(new TextEncoder().encode('first;'))
            await released // produced only once the client has the first piece: hangs unless it is streamed
            controller.enqueue(new TextEncoder().encode('second;'))
            controller.close()
          },
        }),
      )
    })
    const whole = await raw(`${url}/whole`)
    expect(whole.body).toBe('created')
    expect(whole.headers['content-length']).toBe('7')
    expect(whole.headers['transfer-encoding']).toBeUndefined()

    const body = await new Promise<string>((resolve, reject) => {
      httpRequest(`${url}/stream`, (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          text += chunk
          if (text === 'first;') release()
        })
        res.on('end', () => resolve(text))
        res.on('error', reject)
      })
        .on('error', reject)
        .end()
    })
    expect(body).toBe('first;second;')
  })

  it('sends no body to HEAD', async () => {
    const url = await serve(() => new Response('should not be sent', { headers: { 'x-ok': '1' } }))
    const res = await raw(url, { method: 'HEAD' })
    expect(res.headers['x-ok']).toBe('1')
    expect(res.body).toBe('')
  })

  it('answers 204 and redirects without a body', async () => {
    const url = await serve((request) => (new URL(request.url).pathname === '/r' ? Response.redirect('http://127.0.0.1/elsewhere', 303) : new Response(null, { status: 204 })))
    expect((await raw(url)).status).toBe(204)
    const redirect = await raw(`${url}/r`)
    expect(redirect.status).toBe(303)
    expect(redirect.headers.location).toBe('http://127.0.0.1/elsewhere')
  })

  it('keeps a keep-alive connection usable after a handler ignores the request body', async () => {
    const url = await serve(() => new Response('ignored your body', { status: 405 }))
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      for (let i = 0; i < 3; i++) {
        const res = await raw(url, { method: 'POST', body: 'x'.repeat(200 * 1024), agent })
        expect(res.status).toBe(405)
      }
    } finally {
      agent.destroy()
    }
  })
})

describe('toNodeHandler: errors', () => {
  it('aborts request.signal when the client goes away', async () => {
    let aborted: Promise<void> | undefined
    let seen!: () => void
    const arrived = new Promise<void>((resolve) => (seen = resolve))
    const url = await serve((request) => {
      aborted = new Promise<void>((resolve) => request.signal.addEventListener('abort', () => resolve()))
      seen()
      return aborted.then(() => new Response('too late'))
    })
    const req = httpRequest(url)
    req.on('error', () => {})
    req.end()
    await arrived
    req.destroy()
    // Hangs (and times out) if the adapter never aborts the signal.
    await expect(aborted).resolves.toBeUndefined()
  })
  it('reports no error when the client leaves mid-body, and keeps serving', async () => {
    const handler = vi.fn<(request: Request) => Promise<Response>>(async (request) => new Response(await request.text()))
    const onError = vi.fn<(error: unknown) => void>()
    const url = await serve(handler, { onError })
    const socketClosed = new Promise<void>((resolve) => app!.server.once('connection', (socket) => socket.once('close', () => resolve())))
    const req = httpRequest(url, { method: 'POST', headers: { 'content-length': '100' } })
    req.on('error', () => {})
    req.write('only ten b')
    await new Promise<void>((resolve) => req.once('socket', (socket) => socket.once('connect', () => resolve())))
    req.destroy()
    await socketClosed
    expect((await raw(url, { method: 'POST', body: 'next one' })).body).toBe('next one')
    expect(onError).not.toHaveBeenCalled()
  })

  it.each([
    ['throws', () => {
      throw new Error('secret detail: sk_live_123')
    }],
    ['rejects', async () => {
      throw new Error('secret detail: sk_live_123')
    }],
    ['returns something that is not a Response', () => ({ status: 200 }) as unknown as Response],
  ])('answers a generic 500 when the handler %s, and reports the error', async (_name, handler) => {
    const onError = vi.fn<(error: unknown) => void>()
    const url = await serve(handler, { onError })
    const res = await fetch(url)
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(text).not.toContain('sk_live_123')
    expect(JSON.parse(text)).toEqual({ error: { type: 'api_error', code: 'internal_error', message: 'Internal server error.' } })
    expect(onError).toHaveBeenCalledTimes(1)
  })
})

describe('toNodeHandler with Express', () => {
  const secret = fernet.generateKey()
  const payload = JSON.stringify({ id: 'evt_1', amount: '20.00', status: 'succeeded', currency: 'usdt' })
  const signed = () => fernet.encrypt(secret, payload)

  async function post(url: string) {
    return fetch(`${url}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-payfect-signature': await signed() }, body: payload })
  }

  it('verifies a webhook mounted with express.raw() or with no body parser', async () => {
    const onEvent = vi.fn<() => void>()
    const webhook = toNodeHandler(createWebhookHandler({ secret, onEvent, env: { NODE_ENV: 'production' } }))
    const server = express()
    server.post('/webhook', express.raw({ type: '*/*' }), webhook)
    server.post('/plain', webhook)
    app = await listen(server)
    expect((await post(app.url)).status).toBe(200)
    const plain = await fetch(`${app.url}/plain`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-payfect-signature': await signed() }, body: payload })
    expect(plain.status).toBe(200)
    expect(onEvent).toHaveBeenCalledTimes(2)
  })

  it('verifies a body express.json() already parsed, when it is plain JSON', async () => {
    const onEvent = vi.fn<() => void>()
    const server = express()
    server.use(express.json())
    server.post('/webhook', toNodeHandler(createWebhookHandler({ secret, onEvent, env: { NODE_ENV: 'production' } })))
    app = await listen(server)
    expect((await post(app.url)).status).toBe(200)
    expect(onEvent).toHaveBeenCalledTimes(1)
    // A parsed body that lost precision no longer matches, and a parsed body never hides a __proto__ key.
    for (const content of ['{"id":"evt_1","n":9007199254740993}', '{"id":"evt_1","__proto__":{"admin":true}}']) {
      const res = await fetch(`${app.url}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-payfect-signature': await fernet.encrypt(secret, content) }, body: content })
      expect(res.status).toBe(400)
    }
    expect(onEvent).toHaveBeenCalledTimes(1)
  })

  it('refuses, with a clear error, a route whose body earlier middleware read and dropped', async () => {
    const onEvent = vi.fn<() => void>()
    const onError = vi.fn<(error: unknown) => void>()
    const server = express()
    server.use((req, _res, next) => {
      req.resume()
      req.once('end', () => next())
    })
    server.post('/webhook', toNodeHandler(createWebhookHandler({ secret, onEvent }), { onError }))
    app = await listen(server)
    const res = await post(app.url)
    expect(res.status).toBe(500)
    expect(onEvent).not.toHaveBeenCalled()
    expect((onError.mock.calls[0]![0] as Error).message).toContain('express.raw(')
  })
})
