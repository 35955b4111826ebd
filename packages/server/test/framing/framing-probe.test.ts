import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFramingProbe, PayfectConfigurationError } from '../../src/index'
import { type Listening, listen } from '../support/listen'

const SHOP = 'http://shop.example'

let hosted: Listening
let other: Listening
let hits: { path: string; headers: IncomingHttpHeaders }[] = []
let held: ServerResponse[] = []

function handler(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://x').pathname
  hits.push({ path, headers: req.headers })
  if (path === '/open') res.end('<p>checkout</p>')
  else if (path === '/deny') res.writeHead(200, { 'x-frame-options': 'DENY' }).end()
  else if (path === '/to-other-deny') res.writeHead(302, { location: `${other.url}/deny` }).end()
  else if (path === '/to-other-open') res.writeHead(302, { location: `${other.url}/open` }).end()
  else if (path === '/held') held.push(res)
  else if (path === '/hang') return
  else res.writeHead(404).end()
}

beforeAll(async () => {
  ;[hosted, other] = await Promise.all([listen(handler), listen(handler)])
})
afterAll(() => Promise.all([hosted.close(), other.close()]))
beforeEach(() => {
  hits = []
  held = []
})

const question = (path: string, publicOrigin = SHOP) => ({ pageUrl: `${hosted.url}${path}`, hostedOrigin: hosted.url, publicOrigin })

describe('createFramingProbe', () => {
  it('answers true, false or null, and asks the page once per (hosted origin, public origin)', async () => {
    const probe = createFramingProbe()
    expect(await probe.ask(question('/open'))).toBe(true)
    expect(await probe.ask(question('/deny'))).toBe(true) // the cached answer for this pair of origins
    expect(hits.map((hit) => hit.path)).toEqual(['/open'])
    expect(await probe.ask(question('/deny', 'http://other-shop.example'))).toBe(false)
    expect(hits).toHaveLength(2)
  })

  it('makes a page only when nothing is cached or on its way, and shares one probe between concurrent questions', async () => {
    const probe = createFramingProbe()
    const makePage = vi.fn<() => Promise<string>>(async () => `${hosted.url}/held`)
    const asks = [probe.ask({ ...question('/held'), pageUrl: makePage }), probe.ask({ ...question('/held'), pageUrl: makePage })]
    await vi.waitFor(() => expect(held).toHaveLength(1))
    held[0]!.writeHead(200, { 'content-security-policy': `frame-ancestors ${SHOP}` }).end()
    expect(await Promise.all(asks)).toEqual([true, true])
    expect(await probe.ask({ ...question('/held'), pageUrl: makePage })).toBe(true)
    expect(makePage).toHaveBeenCalledTimes(1)
    expect(hits).toHaveLength(1)
  })

  it('keeps an answer for ttlMs, then probes again', async () => {
    let now = 1_000
    const probe = createFramingProbe({ ttlMs: 60_000, now: () => now })
    expect(probe.peek(question('/open'))).toBeUndefined()
    expect(await probe.ask(question('/open'))).toBe(true)
    now += 59_999
    expect(probe.peek(question('/open'))).toBe(true)
    expect(await probe.ask(question('/deny'))).toBe(true)
    now += 1
    expect(probe.peek(question('/open'))).toBeUndefined()
    expect(await probe.ask(question('/deny'))).toBe(false)
    expect(hits.map((hit) => hit.path)).toEqual(['/open', '/deny'])
  })

  it('answers null on a timeout, and keeps that only for unknownTtlMs', async () => {
    let now = 0
    const probe = createFramingProbe({ timeoutMs: 50, unknownTtlMs: 5_000, now: () => now })
    expect(await probe.ask(question('/hang'))).toBeNull()
    expect(await probe.ask(question('/open'))).toBeNull()
    now += 5_000
    expect(await probe.ask(question('/open'))).toBe(true)
    expect(hits.map((hit) => hit.path)).toEqual(['/hang', '/open'])
  })

  it('answers null for a non-2xx page', async () => {
    expect(await createFramingProbe().ask(question('/missing'))).toBeNull()
  })

  it('checks the page a cross-origin redirect lands on, and sends no API key or cookie anywhere', async () => {
    expect(await createFramingProbe().ask(question('/to-other-deny'))).toBe(false)
    expect(await createFramingProbe().ask(question('/to-other-open'))).toBe(true)
    expect(hits.map((hit) => hit.path)).toEqual(['/to-other-deny', '/deny', '/to-other-open', '/open'])
    for (const { headers } of hits) expect(Object.keys(headers).filter((name) => /authorization|cookie|api-key/i.test(name))).toEqual([])
  })

  it('rejects a page on another origin, or a failing page maker, without caching either', async () => {
    const probe = createFramingProbe()
    await expect(probe.ask({ ...question('/open'), pageUrl: `${other.url}/open` })).rejects.toThrow(new RegExp(`\`pageUrl\` must be a page on ${hosted.url}`))
    await expect(probe.ask({ ...question('/open'), pageUrl: () => Promise.reject(new Error('Payfect is down')) })).rejects.toThrow('Payfect is down')
    expect(await probe.ask(question('/open'))).toBe(true)
  })

  it('bad origins and options throw a PayfectConfigurationError', async () => {
    await expect(createFramingProbe().ask(question('/open', 'http://shop.example/cart'))).rejects.toThrow(PayfectConfigurationError)
    expect(() => createFramingProbe({ timeoutMs: 0 })).toThrow(/`timeoutMs` must be a whole number of milliseconds, 1 or more/)
    expect(() => createFramingProbe({ ttlMs: -1 })).toThrow(PayfectConfigurationError)
  })

  it('answer: with two hosted origins, the page made tells which one, and the next answer comes from the cache', async () => {
    const probe = createFramingProbe()
    const makePage = vi.fn<() => Promise<string>>(async () => `${hosted.url}/deny`)
    const asked = { hostedOrigins: [other.url, hosted.url], publicOrigin: SHOP, pageUrl: makePage }
    expect(await probe.answer(asked)).toEqual({ embeddable: false, hostedOrigin: hosted.url })
    expect(await probe.answer(asked)).toEqual({ embeddable: false, hostedOrigin: hosted.url })
    expect(makePage).toHaveBeenCalledTimes(1)
    expect(hits.map((hit) => hit.path)).toEqual(['/deny'])
  })

  it('check: probes whatever is cached, caches its answer, and gives the report as text only when framing is refused', async () => {
    const probe = createFramingProbe()
    expect(await probe.ask(question('/open'))).toBe(true)
    const text = await probe.check(question('/deny'))
    expect(text).toContain('X-Frame-Options: DENY')
    expect(probe.peek(question('/deny'))).toBe(false)
    expect(await probe.check(question('/open'))).toBeUndefined()
  })
})
