import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../src/index'
import { call } from './support'

let sb: Sandbox
const A = 'sk_test_merchant_a_0001'
const B = 'sk_test_merchant_b_0002'
beforeAll(async () => {
  sb = await startSandbox({ port: 0, merchants: [{ apiKey: A, name: 'Shop A', id: 'merchant-a' }, { apiKey: B, name: 'Shop B' }] })
})
afterAll(() => sb.close())

const body = { currency: 'usdt', invoice_items: [{ price_data: { currency: 'usdt', unit_amount: '5', product_data: { name: 'Tea' } }, quantity: 2 }] }

describe('authentication', () => {
  it('asks for credentials when there is no Authorization header', async () => {
    const res = await call(sb, 'POST', '/api/v1/checkouts/', { key: null, body })
    expect(res.status).toBe(401)
    expect(res.body).toEqual({ detail: 'Authentication credentials were not provided.' })
    expect(res.headers.get('www-authenticate')).toBe('Api-Key')
  })

  it('refuses an unknown key without echoing it', async () => {
    const secret = 'sk_test_this_is_not_a_key_9f8e7d'
    const res = await call(sb, 'GET', '/api/v1/checkouts/anything/', { key: secret })
    expect(res.status).toBe(401)
    expect(res.body.detail).toMatch(/^Invalid API key\. Sandbox keys belong to the sandbox that made them/)
    expect(res.text).not.toContain(secret)
  })

  it('explains the header format for another scheme, without echoing the key', async () => {
    const res = await call(sb, 'POST', '/api/v1/checkouts/', { headers: { authorization: `Bearer ${A}` }, body })
    expect(res.status).toBe(401)
    expect(res.body.detail).toMatch(/Authorization: Api-Key <key>/)
    expect(res.text).not.toContain(A)
  })

  it('serves each merchant its own checkouts; another merchant’s key gets DRF’s 403, as the docs describe', async () => {
    const created = await call({ url: sb.url, apiKey: A }, 'POST', '/api/v1/checkouts/', { body })
    expect(created.status).toBe(200)
    expect(created.body.merchant).toEqual({ id: 'merchant-a', name: 'Shop A' })
    expect(created.body.amountTotal).toBe('10.00')
    const own = await call({ url: sb.url, apiKey: A }, 'GET', `/api/v1/checkouts/${created.body.id}/`)
    expect(own.status).toBe(200)
    const other = await call({ url: sb.url, apiKey: B }, 'GET', `/api/v1/checkouts/${created.body.id}/`)
    expect(other.status).toBe(403)
    expect(other.body).toEqual({ detail: 'You do not have permission to perform this action.' })
  })

  it('reports the first merchant as the sandbox key', () => {
    expect(sb.apiKey).toBe(A)
    expect(sb.webhookSecret).toMatch(/^[A-Za-z0-9_-]{43}=$/)
  })
})

describe('routing and transport', () => {
  it('answers unknown routes and unknown ids with a JSON 404', async () => {
    const paths = ['/api/v1/refunds/', '/api/v2/checkouts/', '/nope', '/api/v1/checkouts/00000000-0000-0000-0000-000000000000/']
    const answers = await Promise.all(
      paths.map(async (path) => {
        const res = await call(sb, 'GET', path)
        return [path, res.status, res.body]
      }),
    )
    expect(answers).toEqual(paths.map((path) => [path, 404, { detail: 'Not found.' }]))
  })

  it('wants the trailing slash, as Django does, and says so in a header', async () => {
    const res = await call(sb, 'POST', '/api/v1/checkouts', { body })
    expect(res.status).toBe(404)
    expect(res.body).toEqual({ detail: 'Not found.' })
    expect(res.headers.get('x-payfect-sandbox-hint')).toBe('Payfect API paths end with a slash: /api/v1/checkouts/')
  })

  it('answers a wrong method with 405 and Allow', async () => {
    const list = await call(sb, 'GET', '/api/v1/checkouts/')
    expect(list.status).toBe(405)
    expect(list.body).toEqual({ detail: 'Method "GET" not allowed.' })
    expect(list.headers.get('allow')).toBe('POST')
    const put = await call(sb, 'PUT', '/api/v1/products/x/', { body: {} })
    expect(put.status).toBe(405)
    expect(put.body).toEqual({ detail: 'Method "PUT" not allowed.' })
  })

  it('authenticates before it checks the method, as DRF does', async () => {
    const res = await call(sb, 'GET', '/api/v1/checkouts/', { key: null })
    expect(res.status).toBe(401)
  })

  it('refuses a body over 1 MiB with 413', async () => {
    const huge = JSON.stringify({ currency: 'usdt', invoice_items: [], pad: 'x'.repeat(1024 * 1024) })
    const res = await call(sb, 'POST', '/api/v1/checkouts/', { raw: huge })
    expect(res.status).toBe(413)
    expect(res.body.detail).toMatch(/too large: the limit is 1048576 bytes/)
  })

  it('refuses a non-JSON media type with 415', async () => {
    const res = await call(sb, 'POST', '/api/v1/checkouts/', { raw: 'currency=usdt', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(res.status).toBe(415)
    expect(res.body.detail).toMatch(/Unsupported media type "application\/x-www-form-urlencoded".*Content-Type: application\/json/)
  })

  it.each(['{', '{"currency": "usdt",}', 'nul', '"\\u12"'])('answers the broken JSON %j with a 400 detail, never a crash', async (raw) => {
    const res = await call(sb, 'POST', '/api/v1/checkouts/', { raw })
    expect(res.status).toBe(400)
    expect(res.body.detail).toMatch(/^JSON parse error - /)
  })

  it('answers odd bodies with a 400, never a 500 or a dropped connection', async () => {
    const item = (extra: object) => ({ price_data: { currency: 'usdt', unit_amount: '1', product_data: { name: 'x' } }, quantity: 1, ...extra })
    const bodies = [
      '['.repeat(100_000),
      `{"currency":"usdt","invoice_items":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      '{"__proto__":{"admin":true},"currency":"usdt"}',
      JSON.stringify({ currency: 'usdt', invoice_items: [item({ quantity: 1e308 })] }),
      JSON.stringify({ currency: 'usdt', invoice_items: [item({ quantity: '99999999999999999999999' })] }),
      JSON.stringify({ currency: { $gt: '' }, invoice_items: [null, 'x', 3, [], item({ price_data: [] })] }),
      JSON.stringify({ currency: 'usdt', invoice_items: Array.from({ length: 101 }, () => item({})) }),
      '"just a string"',
      'null',
      '\u0000',
    ]
    for (const raw of bodies) {
      const res = await call(sb, 'POST', '/api/v1/checkouts/', { raw })
      expect([raw.slice(0, 40), res.status]).toEqual([raw.slice(0, 40), 400])
      expect(typeof res.body).toBe('object')
    }
  })

  it('redirects / to the dashboard', async () => {
    const res = await call(sb, 'GET', '/')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/_sandbox')
  })
})

describe('startSandbox options', () => {
  it.each([
    [{ port: 70000 }, /port must be an integer/],
    [{ checkoutTtlMs: 0 }, /checkoutTtlMs must be a positive/],
    [{ callbackUrl: 'ftp://x' }, /callbackUrl must be an absolute http\(s\) URL/],
    [{ webhookSecret: 'not-a-key' }, /webhookSecret must be a Fernet key/],
    [{ apiKey: 'short' }, /apiKey must be 8 to 200 characters/],
    [{ merchants: [{ apiKey: 'sk_test_same_key' }, { apiKey: 'sk_test_same_key' }] }, /used by two merchants/],
    [{ callbackRetryDelaysMs: [1, -1] }, /callbackRetryDelaysMs/],
  ])('refuses %j with a TypeError that names the option', async (options, message) => {
    await expect(startSandbox(options)).rejects.toThrow(message)
  })

  it('generates a test key and a Fernet secret by default, and binds loopback', async () => {
    const other = await startSandbox()
    try {
      expect(other.apiKey).toMatch(/^sk_test_[0-9a-f]{32}$/)
      expect(other.webhookSecret).toMatch(/^[A-Za-z0-9_-]{43}=$/)
      expect(other.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(other.apiBase).toBe(`${other.url}/api/v1`)
    } finally {
      await other.close()
    }
  })
})
