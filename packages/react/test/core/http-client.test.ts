// @vitest-environment node
import { describe, expect, it } from 'vitest'
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
      message: expect.stringMatching(/\/api\/pay answered 404 .*createCheckoutHandler/),
    })
  })

  it('explains a 200 that is not JSON, or not a checkout', async () => {
    const html = async () => new Response('<!doctype html>', { status: 200 })
    await expect(createCheckoutClient({ endpoint: '/x', fetch: html }).create({ items: [] })).rejects.toMatchObject({ type: 'api_error', message: expect.stringMatching(/answered 200 with no checkout .*createCheckoutHandler from @payfect\/server \(not a page\)/) })
    const partial = async () => Response.json({ id: 'co_1', status: 'paid' })
    await expect(createCheckoutClient({ endpoint: '/x', fetch: partial }).create({ items: [] })).rejects.toMatchObject({
      message: expect.stringMatching(/missing or invalid: url, amountTotal, currency, status/),
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

  it('accepts expiresAt as a number and keeps it a string', async () => {
    const fetch = async () => Response.json({ ...makeCheckout('co_9'), expiresAt: 1703939166000 })
    await expect(createCheckoutClient({ endpoint: '/x', fetch }).retrieve('co_9')).resolves.toMatchObject({ expiresAt: '1703939166000' })
  })
})
