import { afterEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../src/index'
import { depositAddressFor } from '../src/tron-address'
import { call, manualClock } from './support'

let sb: Sandbox
afterEach(() => sb?.close())

const body = {
  currency: 'usdt',
  invoice_items: [{ price_data: { currency: 'usdt', unit_amount: '20.5', product_data: { name: 'Standard Plan' } }, quantity: 1 }],
  cancel_url: 'https://shop.example/cart',
}

async function create(extra: Record<string, unknown> = {}) {
  const res = await call(sb, 'POST', '/api/v1/checkouts/', { body: { ...body, ...extra } })
  expect(res.status).toBe(200)
  return res.body as { id: string; expiresAt: string; createdAt: string; updatedAt: string }
}
const control = (id: string, action: string, headers: Record<string, string> = {}) =>
  call(sb, 'POST', `/_sandbox/checkouts/${id}/${action}`, { key: null, headers })
const retrieve = async (id: string) => (await call(sb, 'GET', `/api/v1/checkouts/${id}/`)).body

describe('expiry, with an injected clock', () => {
  it('stays open until its time is up, then is expired for good, dated at its deadline', async () => {
    const clock = manualClock()
    sb = await startSandbox({ now: clock.now, checkoutTtlMs: 10 * 60_000 })
    const checkout = await create()
    expect(Number(checkout.expiresAt)).toBe(clock.now() + 10 * 60_000)
    const deadline = Number(checkout.expiresAt)

    clock.advance(10 * 60_000 - 1)
    expect((await retrieve(checkout.id)).status).toBe('open')
    clock.advance(1)
    const expired = await retrieve(checkout.id)
    expect(expired.status).toBe('expired')
    expect(expired.updatedAt).toBe(`${deadline / 1000}.000000`)

    const pay = await control(checkout.id, 'pay')
    expect(pay.status).toBe(400)
    expect(pay.body.detail).toMatch(/has expired and can no longer be paid/)
    expect((await retrieve(checkout.id)).status).toBe('expired')
  })

  it('defaults to 30 minutes', async () => {
    const clock = manualClock()
    sb = await startSandbox({ now: clock.now })
    const checkout = await create()
    expect(Number(checkout.expiresAt) - clock.now()).toBe(30 * 60_000)
  })
})

describe('control endpoints', () => {
  it('pays an open checkout once; it cannot expire after', async () => {
    const clock = manualClock()
    sb = await startSandbox({ now: clock.now })
    const checkout = await create()
    clock.advance(5_000)
    const paid = await control(checkout.id, 'pay')
    expect(paid.status).toBe(200)
    expect(paid.body.checkout).toMatchObject({ id: checkout.id, status: 'complete', updatedAt: `${clock.now() / 1000}.000000` })
    expect((await retrieve(checkout.id)).status).toBe('complete')

    const again = await control(checkout.id, 'pay')
    expect(again.status).toBe(200)
    expect(again.body.checkout.updatedAt).toBe(paid.body.checkout.updatedAt)

    const expire = await control(checkout.id, 'expire')
    expect(expire.status).toBe(400)
    expect(expire.body.detail).toMatch(/already complete/)
    clock.advance(24 * 3600_000)
    expect((await retrieve(checkout.id)).status).toBe('complete')
  })

  it('expires an open checkout now', async () => {
    sb = await startSandbox()
    const checkout = await create()
    const res = await control(checkout.id, 'expire')
    expect(res.body.checkout.status).toBe('expired')
    expect(Number(res.body.checkout.expiresAt)).toBeLessThanOrEqual(Date.now())
    expect((await control(checkout.id, 'expire')).status).toBe(200)
  })

  it('records a cancel but keeps the status (the API has no cancelled status); a paid checkout cannot be cancelled', async () => {
    sb = await startSandbox()
    const checkout = await create()
    const res = await control(checkout.id, 'cancel')
    expect(res.status).toBe(200)
    expect(res.body.checkout).toMatchObject({ status: 'open', cancelUrl: 'https://shop.example/cart' })
    expect(sb.state().checkouts.find((c) => c.checkout.id === checkout.id)!.cancelledAt).toEqual(expect.any(Number))
    await control(checkout.id, 'pay')
    expect((await control(checkout.id, 'cancel')).status).toBe(400)
  })

  it('refuses to resend an unpaid checkout, or one with no callback URL', async () => {
    sb = await startSandbox()
    const checkout = await create()
    const unpaid = await control(checkout.id, 'resend')
    expect(unpaid.status).toBe(400)
    expect(unpaid.body.detail).toMatch(/is open, not complete/)
    await control(checkout.id, 'pay')
    const nowhere = await control(checkout.id, 'resend')
    expect(nowhere.status).toBe(400)
    expect(nowhere.body.detail).toMatch(/no callback URL.*--callback-url/)
  })

  it('answers unknown checkouts, unknown actions and wrong methods clearly', async () => {
    sb = await startSandbox()
    expect((await control('no-such-id', 'pay')).status).toBe(404)
    expect((await call(sb, 'GET', '/_sandbox/checkouts/no-such-id', { key: null })).body).toEqual({ detail: 'Not found.' })
    expect((await control('x', 'refund')).status).toBe(404)
    const get = await call(sb, 'GET', '/_sandbox/checkouts/x/pay', { key: null })
    expect(get.status).toBe(405)
    expect(get.body).toEqual({ detail: 'Method "GET" not allowed.' })
  })

  it('lets only the sandbox’s own pages drive it from a browser', async () => {
    sb = await startSandbox()
    const checkout = await create()
    const evil = await control(checkout.id, 'pay', { origin: 'https://evil.example' })
    expect(evil.status).toBe(403)
    expect((await retrieve(checkout.id)).status).toBe('open')
    const own = await control(checkout.id, 'pay', { origin: sb.url })
    expect(own.status).toBe(200)
  })

  it('reports one checkout and the whole state without any key or secret', async () => {
    sb = await startSandbox()
    const checkout = await create()
    const one = await call(sb, 'GET', `/_sandbox/checkouts/${checkout.id}`, { key: null })
    expect(one.body.checkout).toEqual(await retrieve(checkout.id))
    const state = await call(sb, 'GET', '/_sandbox/state', { key: null })
    expect(state.status).toBe(200)
    expect(state.body.checkouts).toEqual([{ checkout: one.body.checkout, deliveries: [], cancelledAt: null, requestedCurrency: 'usdt', quote: null }])
    expect(state.body.merchants).toEqual([{ id: one.body.checkout.merchant.id, name: 'Sandbox Merchant' }])
    expect(state.body.products).toHaveLength(1)
    expect(state.body.prices).toHaveLength(1)
    expect(state.text).not.toContain(sb.apiKey)
    expect(state.text).not.toContain(sb.webhookSecret)
  })
})

describe('hosted pages', () => {
  it('serves the checkout page at the checkout url, frameable, with the deposit address', async () => {
    sb = await startSandbox({ merchantName: 'Tea & Co' })
    const checkout = (await call(sb, 'POST', '/api/v1/checkouts/', { body })).body
    const res = await fetch(checkout.url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toBe('frame-ancestors *')
    expect(res.headers.get('x-frame-options')).toBeNull()
    const page = await res.text()
    expect(page).toContain('Tea &amp; Co')
    expect(page).toContain(depositAddressFor(checkout.id))
    expect(page).toContain('20.50')
    expect(page).toContain(`/_sandbox/checkouts/${checkout.id}`)
    expect(page).not.toContain(sb.apiKey)
  })

  it('answers an unknown checkout page with a 404 page', async () => {
    sb = await startSandbox()
    const res = await fetch(`${sb.url}/checkouts/00000000-0000-0000-0000-000000000000`)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await res.text()).toMatch(/Checkout not found/)
  })

  it('serves the dashboard, frameable, listing checkouts and no secrets', async () => {
    sb = await startSandbox()
    const checkout = await create({ client_reference_id: 'order-1234' })
    const res = await fetch(`${sb.url}/_sandbox`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toBe('frame-ancestors *')
    const page = await res.text()
    expect(page).toContain(checkout.id)
    expect(page).toContain(sb.apiBase)
    expect(page).not.toContain(sb.apiKey)
    expect(page).not.toContain(sb.webhookSecret)
  })
})
