import {
  Payfect,
  PayfectAuthenticationError,
  PayfectInvalidRequestError,
  PayfectNotFoundError,
  parsePayfectTime,
  verifyWebhook,
} from '@payfect/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../src/index'
import { SEED_RESPONSE } from './documented'
import { call, shapeOf, startCreatedProxy, startReceiver } from './support'

// Payfect's docs list 200 for a create; DRF's default is 201. The client must take either.
describe.each([
  ['answering creates with 200, as the docs list', false],
  ['behind a proxy answering creates with 201, DRF’s default', true],
])('@payfect/server’s Payfect client against the sandbox %s', (_, created) => {
  let sb: Sandbox
  let hook: Awaited<ReturnType<typeof startReceiver>>
  let proxy: Awaited<ReturnType<typeof startCreatedProxy>> | undefined
  let payfect: Payfect
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, callbackRetryDelaysMs: [10, 20, 40, 80, 160] })
    hook = await startReceiver(sb.webhookSecret)
    proxy = created ? await startCreatedProxy(sb.url) : undefined
    payfect = new Payfect({ apiKey: sb.apiKey, baseUrl: proxy ? `${proxy.url}/api/v1` : sb.apiBase })
  })
  afterAll(async () => {
    await proxy?.close()
    await sb.close()
    await hook.close()
  })

  it('carries a checkout from create to a verified callback', async () => {
    const checkout = await payfect.checkouts.create({
      currency: 'usdt',
      invoice_items: [{ price_data: { currency: 'usdt', unit_amount: '20.5', product_data: { name: 'Standard Plan' } }, quantity: 2 }],
      client_reference_id: 'order-7781',
      success_url: 'https://shop.example/thanks',
      cancel_url: 'https://shop.example/cart',
      callback_url: hook.url,
    })
    expect(shapeOf(checkout)).toEqual(shapeOf(SEED_RESPONSE))
    expect(checkout).toMatchObject({ status: 'open', amountTotal: '41.00', clientReferenceId: 'order-7781' })
    expect(parsePayfectTime(checkout.expiresAt).getTime() - parsePayfectTime(checkout.createdAt).getTime()).toBeGreaterThan(29 * 60_000)

    // The shopper opens the hosted page and pays there.
    const page = await fetch(checkout.url)
    expect(page.status).toBe(200)
    const pay = await fetch(`${sb.url}/_sandbox/checkouts/${checkout.id}/pay`, { method: 'POST', headers: { origin: sb.url } })
    expect(pay.status).toBe(200)

    await hook.waitFor(1)
    const delivery = hook.received[0]!
    // What a merchant's webhook route does: verify the raw body with the secret.
    const event = await verifyWebhook({ payload: delivery.body, signature: delivery.headers['x-payfect-signature'] as string, secret: sb.webhookSecret })
    expect(event).toMatchObject({ id: checkout.id, amount: '41.00', status: 'succeeded', client_reference_id: 'order-7781', payment_intent: checkout.paymentIntent })

    const after = await payfect.checkouts.retrieve(checkout.id)
    expect(after.status).toBe('complete')
  })

  it('creates products, prices and payment links, and checkouts from stored prices', async () => {
    const product = await payfect.products.create({ name: 'Pro Plan', description: 'Everything', images: ['https://shop.example/pro.png'] })
    expect(product).toEqual({ id: expect.any(String), name: 'Pro Plan', description: 'Everything', images: ['https://shop.example/pro.png'] })
    const price = await payfect.prices.create({ product: product.id, currency: 'usdt', unit_amount: '99.99' })
    expect(price).toMatchObject({ product: product.id, currency: 'usdt', unitAmount: '99.99' })
    const link = await payfect.paymentLinks.create({ invoice_items: [{ price: price.id, quantity: 2 }], email_collection: true, shipping_address_collection: ['TW'] })
    expect(link).toMatchObject({ url: `${sb.url}/payment-links/${link.id}`, emailCollection: true, shippingAddressCollection: { allowedCountries: ['TW'] } })
    expect(link.invoiceItems[0]).toMatchObject({ price: price.id, amount: '199.98' })
    const checkout = await payfect.checkouts.create({ currency: 'usdt', invoice_items: [{ price: price.id, quantity: 10000 }] })
    expect(checkout.amountTotal).toBe('999900.00')
  })

  it('surfaces the sandbox’s refusals as the typed errors', async () => {
    const stranger = new Payfect({ apiKey: 'sk_test_not_a_known_key', baseUrl: sb.apiBase })
    const auth = await stranger.checkouts.retrieve('abc').catch((e: unknown) => e)
    expect(auth).toBeInstanceOf(PayfectAuthenticationError)
    expect((auth as Error).message).not.toContain('sk_test_not_a_known_key')
    // The sandbox's reason reads as one sentence in the client's message: no "Invalid API key.." any more.
    expect((auth as Error).message).toMatch(/answered 401: Invalid API key\. Sandbox keys belong to the sandbox that made them: .*\.payfect-sandbox\.json across restarts\. Use a valid/)
    expect((auth as Error).message).not.toContain('..')

    const missing = await payfect.checkouts.retrieve('00000000-0000-0000-0000-000000000000').catch((e: unknown) => e)
    expect(missing).toBeInstanceOf(PayfectNotFoundError)

    // The client checks shapes itself; the sandbox catches what only the server can know.
    const invalid = await payfect.checkouts.create({ currency: 'usdt', invoice_items: [{ price: 'no-such-price', quantity: 1 }] }).catch((e: unknown) => e)
    expect(invalid).toBeInstanceOf(PayfectInvalidRequestError)
    expect((invalid as PayfectInvalidRequestError).status).toBe(400)
    expect(JSON.stringify((invalid as PayfectInvalidRequestError).fields)).toMatch(/Invalid pk \\"no-such-price\\"/)

    const currency = await payfect.checkouts.create({ currency: 'btc', invoice_items: [{ price: 'x', quantity: 1 }] }).catch((e: unknown) => e)
    expect(currency).toBeInstanceOf(PayfectInvalidRequestError)
    expect((currency as PayfectInvalidRequestError).fields).toMatchObject({ currency: ['"btc" is not a valid choice.'] })
  })

  it('agrees with a raw request on what the client sent', async () => {
    const viaClient = await payfect.checkouts.create({ currency: 'usdt', invoice_items: [{ price_data: { currency: 'usdt', unit_amount: '1', product_data: { name: 'A' } }, quantity: 1 }] })
    const raw = await call(sb, 'GET', `/api/v1/checkouts/${viaClient.id}/`)
    expect(raw.body).toEqual(viaClient)
  })
})
