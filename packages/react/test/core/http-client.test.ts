// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'
import { CheckoutError } from '../../src/core/errors'
import { createCheckoutClient } from '../../src/core/http-client'
import { fakeEndpoint, makeCheckout } from '../helpers'

describe('createCheckoutClient', () => {
  it('POSTs JSON to the endpoint with the extra headers and parses the checkout', async () => {
    const endpoint = fakeEndpoint()
    const client = createCheckoutClient({ endpoint: '/api/pay', fetch: endpoint.fetch, headers: () => ({ 'X-CSRF-Token': 't0k' }) })
    const checkout = await client.create({ items: [{ price: 'pro-plan', quantity: 2 }], clientReferenceId: 'order_42' })
    expect(checkout).toMatchObject({ id: 'co_1', status: 'open', amountTotal: '20.50' })
    const [request] = endpoint.requests
    expect(request?.url.pathname).toBe('/api/pay')
    expect(request?.body).toEqual({ items: [{ price: 'pro-plan', quantity: 2 }], clientReferenceId: 'order_42' })
    expect(request?.headers.get('content-type')).toBe('application/json')
    expect(request?.headers.get('x-csrf-token')).toBe('t0k')
  })

  it('GETs ?id= (encoded), keeping an existing query', async () => {
    const endpoint = fakeEndpoint()
    endpoint.put(makeCheckout('a b'))
    const client = createCheckoutClient({ endpoint: '/api/pay?tenant=1', fetch: endpoint.fetch })
    await expect(client.retrieve('a b')).resolves.toMatchObject({ id: 'a b' })
    expect(endpoint.requests[0]?.url.search).toBe('?tenant=1&id=a%20b')
  })

  it("keeps the handler's error type, message, fields and status", async () => {
    const fetch = async () =>
      Response.json({ error: { type: 'invalid_request_error', message: 'Unknown price "nope".', fields: { 'items[0].price': ['Unknown price.'] } } }, { status: 400 })
    const error = await createCheckoutClient({ endpoint: '/api/pay', fetch }).create({ items: [{ price: 'nope' }] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CheckoutError)
    expect(error).toMatchObject({ type: 'invalid_request_error', status: 400, message: 'Unknown price "nope".', fields: { 'items[0].price': ['Unknown price.'] } })
  })

  it('maps an unknown error type to api_error', async () => {
    const fetch = async () => Response.json({ error: { type: 'weird', message: 'Boom.' } }, { status: 500 })
    await expect(createCheckoutClient({ endpoint: '/e', fetch }).create({ items: [] })).rejects.toMatchObject({ type: 'api_error', status: 500, message: 'Boom.' })
  })

  it('explains a non-2xx answer that is not the handler (an HTML 404 page)', async () => {
    const fetch = async () => new Response('<h1>Not found</h1>', { status: 404, headers: { 'content-type': 'text/html' } })
    await expect(createCheckoutClient({ endpoint: '/api/pay', fetch }).create({ items: [] })).rejects.toMatchObject({
      type: 'api_error',
      status: 404,
      message: expect.stringMatching(/\/api\/pay answered 404 .*route made with @payfect\/server/),
    })
  })

  it('explains a 200 that is not JSON, or not a checkout', async () => {
    const html = async () => new Response('<!doctype html>', { status: 200 })
    await expect(createCheckoutClient({ endpoint: '/x', fetch: html }).create({ items: [] })).rejects.toMatchObject({ type: 'api_error', message: expect.stringMatching(/answered with no usable checkout .*route made with @payfect\/server/) })
    const partial = async () => Response.json({ id: 'co_1', status: 'paid' })
    await expect(createCheckoutClient({ endpoint: '/x', fetch: partial }).create({ items: [] })).rejects.toMatchObject({
      message: expect.stringMatching(/missing or invalid: url .*amountTotal .*currency .*status/),
    })
  })

  it('reports a failed fetch as network_error with the cause', async () => {
    const cause = new TypeError('Failed to fetch')
    const fetch = async () => {
      throw cause
    }
    const error = await createCheckoutClient({ endpoint: '/api/pay', fetch }).create({ items: [] }).catch((e: unknown) => e)
    expect(error).toMatchObject({ type: 'network_error', cause, message: expect.stringMatching(/Could not reach \/api\/pay \(Failed to fetch\)/) })
  })

  it('refuses an answer that is not the contract’s summary, naming the fields', async () => {
    const fetch = async () => Response.json({ ...makeCheckout('co_9'), expiresAt: 1703939166000, serverTime: undefined })
    const error = await createCheckoutClient({ endpoint: '/x', fetch }).retrieve('co_9').catch((e: unknown) => e)
    expect(error).toMatchObject({ type: 'api_error', message: expect.stringMatching(/serverTime.*expiresAt|expiresAt.*serverTime/) })
  })

  it('keeps the route\'s error code', async () => {
    const fetch = async () => Response.json({ error: { type: 'permission_error', message: 'Not from this origin.', code: 'cross_origin' } }, { status: 403 })
    await expect(createCheckoutClient({ endpoint: '/x', fetch }).create({ items: [] })).rejects.toMatchObject({ type: 'permission_error', code: 'cross_origin', status: 403 })
  })
})

describe('URL trust', () => {
  const answer = (overrides: Record<string, unknown>) => async () => Response.json({ ...makeCheckout('co_1'), ...overrides })
  const create = (fetch: () => Promise<Response>, pinnedOrigin?: string) => createCheckoutClient({ endpoint: '/x', fetch, pinnedOrigin }).create({ items: [{ price: 'a' }] })

  it.each([
    ['a javascript: url', { url: 'javascript:alert(document.domain)' }],
    ['a data: url', { url: 'data:text/html,<script>parent.postMessage(1,"*")</script>', hostedOrigin: 'null' }],
    ['a url off the announced origin', { url: 'https://evil.test/checkouts/1' }],
    ['plain http off loopback', { url: 'http://checkout.test/checkouts/1', hostedOrigin: 'http://checkout.test' }],
  ])('refuses %s', async (_, overrides) => {
    await expect(create(answer(overrides))).rejects.toMatchObject({ type: 'api_error' })
  })

  it('accepts http on loopback (the sandbox)', async () => {
    await expect(create(answer({ url: 'http://127.0.0.1:4010/checkouts/1', hostedOrigin: 'http://127.0.0.1:4010' }))).resolves.toMatchObject({ hostedOrigin: 'http://127.0.0.1:4010' })
  })

  it('pins the origin to checkoutOrigin when set, whatever the route announces', async () => {
    await expect(create(answer({}), 'https://buy.payfect.finance')).rejects.toThrow(/not the provider’s checkoutOrigin/)
    await expect(create(answer({}), 'https://checkout.test')).resolves.toMatchObject({ id: 'co_1' })
  })

  it('trusts only Payfect’s hosted origins from a backend that announces none, and warns', async () => {
    // A fresh module: the warning is printed once per page, and an earlier test may have printed it.
    vi.resetModules()
    const fresh = await import('../../src/core/http-client')
    const createFresh = (fetch: () => Promise<Response>) => fresh.createCheckoutClient({ endpoint: '/x', fetch }).create({ items: [{ price: 'a' }] })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await expect(createFresh(answer({ hostedOrigin: undefined }))).rejects.toMatchObject({ type: 'api_error' })
    await expect(createFresh(answer({ hostedOrigin: undefined, url: 'https://buy-dev.payfect.finance/c/1' }))).resolves.toMatchObject({ hostedOrigin: 'https://buy-dev.payfect.finance' })
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('announced no hostedOrigin'))
    warn.mockRestore()
  })
})

describe('keyed in-flight creation', () => {
  it('shares one request for the same purchase, and never hands one cart another\'s checkout', async () => {
    const endpoint = fakeEndpoint()
    const release = endpoint.hold()
    const client = createCheckoutClient({ endpoint: '/x', fetch: endpoint.fetch })
    const a1 = client.create({ items: [{ price: 'a' }], clientReferenceId: 'o1' })
    const a2 = client.create({ items: [{ price: 'a', quantity: 1 }], clientReferenceId: 'o1' })
    const b = client.create({ items: [{ price: 'b' }], clientReferenceId: 'o1' })
    const a3 = client.create({ items: [{ price: 'a' }], clientReferenceId: 'o2' })
    release()
    const [x1, x2, y, z] = await Promise.all([a1, a2, b, a3])
    expect(x1.id).toBe(x2.id)
    expect(new Set([x1.id, y.id, z.id]).size).toBe(3)
    expect(endpoint.posts().map((post) => post.body)).toEqual([
      { items: [{ price: 'a' }], clientReferenceId: 'o1' },
      { items: [{ price: 'b' }], clientReferenceId: 'o1' },
      { items: [{ price: 'a' }], clientReferenceId: 'o2' },
    ])
  })
})
