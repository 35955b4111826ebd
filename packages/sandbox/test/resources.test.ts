import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../src/index'
import { call } from './support'

let sb: Sandbox
beforeAll(async () => {
  sb = await startSandbox({ port: 0, merchants: [{ apiKey: 'sk_test_first_merchant' }, { apiKey: 'sk_test_second_merchant' }] })
})
afterAll(() => sb.close())

const other = () => ({ url: sb.url, apiKey: 'sk_test_second_merchant' })

describe('products, prices and stored prices in checkouts', () => {
  it('creates and retrieves a product', async () => {
    const res = await call(sb, 'POST', '/api/v1/products/', { body: { name: 'Standard Plan', images: ['https://shop.example/p.png'] } })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ id: expect.any(String), name: 'Standard Plan', description: null, images: ['https://shop.example/p.png'] })
    const got = await call(sb, 'GET', `/api/v1/products/${res.body.id}/`)
    expect(got.body).toEqual(res.body)
    expect((await call(other(), 'GET', `/api/v1/products/${res.body.id}/`)).status).toBe(403)
  })

  it('validates products', async () => {
    const res = await call(sb, 'POST', '/api/v1/products/', { body: { name: '  ', images: 'https://x.example' } })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ name: ['This field may not be blank.'], images: ['Expected a list of items but got type "str".'] })
  })

  it('creates a price of a product, formatted to two decimals, and a checkout referencing it by id', async () => {
    const product = await call(sb, 'POST', '/api/v1/products/', { body: { name: 'Pro Plan', description: 'Everything' } })
    const price = await call(sb, 'POST', '/api/v1/prices/', { body: { product: product.body.id, currency: 'usdt', unit_amount: '49.9' } })
    expect(price.status).toBe(200)
    expect(price.body).toEqual({
      id: expect.any(String),
      product: product.body.id,
      productData: product.body,
      currency: 'usdt',
      unitAmount: '49.90',
    })
    expect((await call(sb, 'GET', `/api/v1/prices/${price.body.id}/`)).body).toEqual(price.body)

    const checkout = await call(sb, 'POST', '/api/v1/checkouts/', { body: { currency: 'usdt', invoice_items: [{ price: price.body.id, quantity: 3 }] } })
    expect(checkout.status).toBe(200)
    expect(checkout.body.invoiceItems[0]).toEqual({ id: expect.any(String), price: price.body.id, priceData: price.body, quantity: 3, amount: '149.70' })
    expect(checkout.body.amountTotal).toBe('149.70')

    // Another merchant's price does not exist for this one.
    const foreign = await call(other(), 'POST', '/api/v1/checkouts/', { body: { currency: 'usdt', invoice_items: [{ price: price.body.id, quantity: 1 }] } })
    expect(foreign.status).toBe(400)
    expect(foreign.body.invoice_items[0].price[0]).toMatch(/^Invalid pk ".*" - object does not exist\.$/)
  })

  it('validates prices', async () => {
    const res = await call(sb, 'POST', '/api/v1/prices/', { body: { product: 42, unit_amount: 9.99 } })
    expect(res.body).toEqual({
      product: ['Incorrect type. Expected pk value, received int.'],
      currency: ['This field is required.'],
      unit_amount: [expect.stringMatching(/decimal strings like "20.5", not JSON numbers/)],
    })
  })
})

describe('payment links', () => {
  it('creates one with collection flags, retrieves it, and opening its url starts a checkout', async () => {
    const res = await call(sb, 'POST', '/api/v1/payment-links/', {
      body: {
        invoice_items: [{ price_data: { currency: 'usdt', unit_amount: '12', product_data: { name: 'Ticket' } }, quantity: 2 }],
        name_collection: true,
        email_collection: false,
        shipping_address_collection: ['TW'],
      },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      url: `${sb.url}/payment-links/${res.body.id}`,
      nameCollection: true,
      emailCollection: false,
      phoneNumberCollection: false,
      shippingAddressCollection: { allowedCountries: ['TW'] },
      amountTotal: '24.00',
      isLivemode: false,
    })
    expect(res.body.invoiceItems[0]).toMatchObject({ quantity: 2, amount: '24.00', priceData: { unitAmount: '12.00', productData: { name: 'Ticket' } } })
    expect((await call(sb, 'GET', `/api/v1/payment-links/${res.body.id}/`)).body).toEqual(res.body)

    const open = await fetch(res.body.url, { redirect: 'manual' })
    expect(open.status).toBe(303)
    const location = open.headers.get('location')!
    const id = /^\/checkouts\/(.+)$/.exec(location)![1]!
    const checkout = await call(sb, 'GET', `/api/v1/checkouts/${id}/`)
    expect(checkout.body).toMatchObject({ status: 'open', amountTotal: '24.00', nameCollection: true, shippingAddressCollection: { allowedCountries: ['TW'] } })
  })

  it('validates payment links', async () => {
    const res = await call(sb, 'POST', '/api/v1/payment-links/', { body: { name_collection: 'yes', shipping_address_collection: ['tw'] } })
    expect(res.body).toEqual({
      invoice_items: ['This field is required.'],
      name_collection: ['Must be a valid boolean.'],
      shipping_address_collection: { 0: ['"tw" is not a valid choice.'] },
    })
  })
})
