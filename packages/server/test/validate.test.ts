import { describe, expect, it } from 'vitest'
import { PayfectInvalidRequestError } from '../src/errors'
import {
  validateCheckoutCreateParams,
  validateId,
  validatePaymentLinkCreateParams,
  validatePriceCreateParams,
  validateProductCreateParams,
} from '../src/client/validate'

const inline = (over: Record<string, unknown> = {}) => ({
  price_data: { currency: 'usdt', unit_amount: '20.5', product_data: { name: 'Standard Plan' } },
  quantity: 1,
  ...over,
})

function caught(run: () => void): PayfectInvalidRequestError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(PayfectInvalidRequestError)
    return error as PayfectInvalidRequestError
  }
  throw new Error('expected a PayfectInvalidRequestError')
}

const checkout = (params: unknown) => caught(() => validateCheckoutCreateParams(params))

describe('validateCheckoutCreateParams', () => {
  it('accepts a checkout with an inline price, a stored price and every optional field', () => {
    expect(() =>
      validateCheckoutCreateParams({
        currency: 'usdt',
        invoice_items: [inline(), { price: 'ed8d24aa-a860-426b-8e56-87cb9f55a081', quantity: 3 }],
        client_reference_id: 'order-1',
        success_url: 'https://shop.example/success',
        cancel_url: 'http://localhost:3000/cancel',
        callback_url: 'https://shop.example/api/payfect/webhook',
        payment_method_data: { type: 'cryptopaymentmethoddetail', paymentMethodDetail: { currency: 'usdt', network: 'tron' } },
        payment_method_types: ['crypto', 'card'],
      }),
    ).not.toThrow()
  })

  it('names the path of a bad quantity in the message and in fields', () => {
    const error = checkout({ currency: 'usdt', invoice_items: [inline({ quantity: 1.5 })] })
    expect(error.message).toContain('invoice_items[0].quantity: must be a positive integer (got 1.5)')
    expect(error.message).toMatch(/Nothing was sent to Payfect/)
    expect(error.fields).toEqual({ 'invoice_items[0].quantity': ['must be a positive integer (got 1.5)'] })
    expect(error.status).toBeUndefined()
    expect(error.type).toBe('invalid_request_error')
  })

  it.each([0, -1, '1', null, Number.MAX_SAFE_INTEGER + 2, Number.NaN])('refuses quantity %j', (quantity) => {
    expect(checkout({ currency: 'usdt', invoice_items: [inline({ quantity })] }).fields).toHaveProperty(['invoice_items[0].quantity'])
  })

  it('requires a quantity', () => {
    const { quantity: _, ...item } = inline()
    expect(checkout({ currency: 'usdt', invoice_items: [item] }).fields).toEqual({ 'invoice_items[0].quantity': ['is required'] })
  })

  it('requires currency and at least one item, reporting both at once', () => {
    const error = checkout({ invoice_items: [] })
    expect(error.fields).toEqual({ currency: ['is required'], invoice_items: ['must have at least one item'] })
    expect(checkout({ currency: ' ', invoice_items: 'x' }).fields).toEqual({
      currency: ['must be a non-empty string (got " ")'],
      invoice_items: ['must be an array (got "x")'],
    })
    expect(checkout({ currency: 'usdt' }).fields?.invoice_items?.[0]).toMatch(/is required/)
  })

  it('wants exactly one of price and price_data per item', () => {
    const both = checkout({ currency: 'usdt', invoice_items: [{ ...inline(), price: 'abc' }] })
    expect(both.fields?.['invoice_items[0]']?.[0]).toMatch(/exactly one of `price` or `price_data`/)
    const neither = checkout({ currency: 'usdt', invoice_items: [inline(), { quantity: 1 }] })
    expect(Object.keys(neither.fields ?? {})).toEqual(['invoice_items[1]'])
  })

  it.each([
    [20.5, /decimal string like "20.50" \(not a number\) \(got 20.5\)/],
    ['1e3', /non-negative decimal string/],
    ['-1', /non-negative decimal string/],
    ['20,50', /non-negative decimal string/],
    [' 20', /non-negative decimal string/],
    ['', /non-negative decimal string/],
  ])('refuses unit_amount %j', (unit_amount, message) => {
    const error = checkout({ currency: 'usdt', invoice_items: [{ price_data: { currency: 'usdt', unit_amount, product_data: { name: 'A' } }, quantity: 1 }] })
    expect(error.fields?.['invoice_items[0].price_data.unit_amount']?.[0]).toMatch(message)
  })

  it('checks price_data and product_data inside, with full paths', () => {
    const error = checkout({
      currency: 'usdt',
      invoice_items: [inline(), { price_data: { product_data: { name: '', description: null, images: ['/a.png', 'https://ok.example/a.png'] } }, quantity: 2 }],
    })
    expect(error.fields).toEqual({
      'invoice_items[1].price_data.currency': ['is required'],
      'invoice_items[1].price_data.unit_amount': ['is required'],
      'invoice_items[1].price_data.product_data.name': ['must be a non-empty string (got "")'],
      'invoice_items[1].price_data.product_data.description': ['must be a string (got null)'],
      'invoice_items[1].price_data.product_data.images[0]': [expect.stringMatching(/absolute http\(s\) URL/)],
    })
    expect(checkout({ currency: 'usdt', invoice_items: [{ price_data: { currency: 'usdt', unit_amount: '1' }, quantity: 1 }] }).fields).toEqual({
      'invoice_items[0].price_data.product_data': [expect.stringMatching(/is required/)],
    })
  })

  it.each(['/success', 'success', 'ftp://shop.example/x', 'javascript:alert(1)', 'https://', 42])('refuses success_url %j', (success_url) => {
    const error = checkout({ currency: 'usdt', invoice_items: [inline()], success_url })
    expect(error.message).toMatch(/success_url: must be an absolute http\(s\) URL/)
  })

  it('refuses camelCase keys the snake_case API would silently ignore', () => {
    const error = checkout({ currency: 'usdt', invoice_items: [{ priceData: {}, quantity: 1 }], successUrl: 'https://x.example' })
    expect(error.fields?.successUrl).toEqual(['is not a Payfect param; use `success_url`'])
    expect(error.fields?.['invoice_items[0].priceData']?.[0]).toMatch(/use `price_data`/)
  })

  it('refuses a non-object', () => {
    expect(checkout(null).message).toMatch(/^Invalid params for POST \/checkouts\/: must be an object \(got null\)/)
    expect(checkout([]).message).toMatch(/: must be an object \(got an array\)/)
  })

  it('checks the optional fields types', () => {
    const error = checkout({ currency: 'usdt', invoice_items: [inline()], client_reference_id: 7, payment_method_data: {}, payment_method_types: 'crypto' })
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['client_reference_id', 'payment_method_data.type', 'payment_method_types'])
  })
})

describe('the other create params', () => {
  it('products: name required, images absolute URLs', () => {
    expect(() => validateProductCreateParams({ name: 'Plan', description: 'd', images: ['https://x.example/a.png'] })).not.toThrow()
    expect(caught(() => validateProductCreateParams({ images: ['a.png'] })).fields).toEqual({
      name: ['is required'],
      'images[0]': [expect.stringMatching(/absolute http\(s\) URL/)],
    })
  })

  it('prices: product id, currency and a decimal-string unit_amount', () => {
    expect(() => validatePriceCreateParams({ product: 'prod_1', currency: 'usdt', unit_amount: '0' })).not.toThrow()
    expect(caught(() => validatePriceCreateParams({ product: '../x', unit_amount: 5 })).fields).toEqual({
      product: [expect.stringMatching(/must be a Payfect id/)],
      currency: ['is required'],
      unit_amount: [expect.stringMatching(/not a number/)],
    })
  })

  it('payment links: items as for checkouts, boolean flags, country codes', () => {
    expect(() => validatePaymentLinkCreateParams({ invoice_items: [inline()], name_collection: true, shipping_address_collection: ['TW'] })).not.toThrow()
    expect(() => validatePaymentLinkCreateParams({ invoice_items: [inline()], shipping_address_collection: null })).not.toThrow()
    expect(caught(() => validatePaymentLinkCreateParams({ invoice_items: [inline({ quantity: 0 })], email_collection: 'yes', shipping_address_collection: ['tw'] })).fields).toEqual({
      'invoice_items[0].quantity': ['must be a positive integer (got 0)'],
      email_collection: ['must be true or false (got "yes")'],
      'shipping_address_collection[0]': ['must be a two-letter country code like "TW" (got "tw")'],
    })
  })
})

describe('validateId', () => {
  it('passes ids made of URL-safe characters', () => {
    expect(validateId('ed8d24aa-a860-426b-8e56-87cb9f55a081', 'GET /checkouts/{id}/')).toBe('ed8d24aa-a860-426b-8e56-87cb9f55a081')
    expect(validateId('cs_test_ABC123', 'op')).toBe('cs_test_ABC123')
  })

  it.each(['', undefined, '../admin', 'a/b', 'a?b=1', 'a b', '%2e%2e', 'x'.repeat(256), 12])('refuses %j', (id) => {
    const error = caught(() => validateId(id, 'GET /checkouts/{id}/'))
    expect(error.message).toMatch(/^Invalid params for GET \/checkouts\/\{id\}\/: id: (is required|must be a Payfect id)/)
    expect(error.fields).toHaveProperty('id')
  })
})
