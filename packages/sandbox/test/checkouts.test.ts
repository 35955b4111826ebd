import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../src/index'
import { API_DOC_CHECKOUT_BODY, SEED_REQUEST_BODY, SEED_REQUEST_BODY_FIXED, SEED_RESPONSE } from './documented'
import { call, shapeOf } from './support'

let sb: Sandbox
beforeAll(async () => {
  sb = await startSandbox({ port: 0, merchantName: 'Sandbox Shop' })
})
afterAll(() => sb.close())

const item = (unit_amount: unknown, quantity: unknown, name = 'Thing') => ({
  price_data: { currency: 'usdt', unit_amount, product_data: { name } },
  quantity,
})

describe('POST /api/v1/checkouts/ with the documented examples', () => {
  it('refuses the seed page sample (trailing commas) with a clear 400 that says what to fix', async () => {
    const res = await call(sb, 'POST', '/api/v1/checkouts/', { raw: SEED_REQUEST_BODY })
    expect(res.status).toBe(400)
    expect(Object.keys(res.body)).toEqual(['detail'])
    expect(res.body.detail).toMatch(/^JSON parse error - /)
    expect(res.body.detail).toMatch(/line 11 column \d+/)
    expect(res.body.detail).toMatch(/trailing commas/)
  })

  it('answers the fixed seed sample with every documented key, camelCase, amounts formatted', async () => {
    const res = await call(sb, 'POST', '/api/v1/checkouts/', { raw: SEED_REQUEST_BODY_FIXED })
    expect(res.status).toBe(200)
    const checkout = res.body
    // Same keys at every level as the documented response; expiresAt is a string either way.
    expect(shapeOf(checkout)).toEqual(shapeOf(SEED_RESPONSE))
    expect(Object.keys(checkout)).toEqual(Object.keys(SEED_RESPONSE))
    expect(checkout).toMatchObject({
      merchant: { name: 'Sandbox Shop' },
      status: 'open',
      currency: 'usdt',
      amountTotal: '20.50',
      successUrl: 'https://example.com/success',
      cancelUrl: 'https://example.com/cancel',
      clientReferenceId: null,
      metadata: null,
      isLivemode: false,
      paymentMethodTypes: ['crypto', 'card'],
      paymentMethodOptions: SEED_RESPONSE.paymentMethodOptions,
      url: `${sb.url}/checkouts/${checkout.id}`,
    })
    const [line] = checkout.invoiceItems
    expect(line).toMatchObject({
      price: line.priceData.id,
      quantity: 1,
      amount: '20.50',
      priceData: {
        product: line.priceData.productData.id,
        currency: 'usdt',
        unitAmount: '20.50',
        productData: { name: 'Standard Plan', description: 'A standard plan', images: ['https://google.com.tw/images/123'] },
      },
    })
    expect(checkout.createdAt).toMatch(/^\d{10}\.\d{6}$/)
    expect(checkout.updatedAt).toBe(checkout.createdAt)
    expect(checkout.expiresAt).toMatch(/^\d{13}$/)
    expect(Number(checkout.expiresAt) - Number(checkout.createdAt) * 1000).toBeCloseTo(30 * 60 * 1000, -1)
    expect(checkout.paymentIntent).toMatch(/^[0-9a-f-]{36}$/)

    const again = await call(sb, 'GET', `/api/v1/checkouts/${checkout.id}/`)
    expect(again.status).toBe(200)
    expect(again.body).toEqual(checkout)
  })

  it('takes every field of payfect-api.md and echoes client_reference_id', async () => {
    const res = await call(sb, 'POST', '/api/v1/checkouts/', { body: API_DOC_CHECKOUT_BODY })
    expect(res.status).toBe(200)
    expect(shapeOf(res.body)).toEqual(shapeOf({ ...SEED_RESPONSE, clientReferenceId: 'x' }))
    expect(res.body.clientReferenceId).toBe('5ae50223-e455-4a72-a48d-fe7d85800e64')
    expect(res.body.invoiceItems[0].priceData.productData.description).toBe('...')
  })

  it('omits nothing when description and images are left out: description null, images []', async () => {
    const res = await call(sb, 'POST', '/api/v1/checkouts/', { body: { currency: 'usdt', invoice_items: [item('20', 1, 'Standard Plan')] } })
    expect(res.status).toBe(200)
    expect(res.body.invoiceItems[0].priceData.productData).toEqual({ id: expect.any(String), name: 'Standard Plan', description: null, images: [] })
    expect(res.body.successUrl).toBeNull()
    expect(res.body.amountTotal).toBe('20.00')
  })
})

describe('exact decimal totals', () => {
  it.each([
    [[['0.1', 3]], ['0.30'], '0.30'],
    [[['19.99', 7]], ['139.93'], '139.93'],
    [[['99999999.99', 10000]], ['999999999900.00'], '999999999900.00'],
    [[['0.01', 3], ['1.05', 1]], ['0.03', '1.05'], '1.08'],
    [[['20.5', '2'], ['0.2', 1], ['0.1', 1]], ['41.00', '0.20', '0.10'], '41.30'],
    [[[7, 2]], ['14.00'], '14.00'],
    [[['123456789012345678.99', 2147483647]], ['265121435515141626742136476.53'], '265121435515141626742136476.53'],
  ])('items %j → amounts %j, total %s', async (lines, amounts, total) => {
    const body = { currency: 'usdt', invoice_items: lines.map(([amount, quantity]) => item(amount, quantity)) }
    const res = await call(sb, 'POST', '/api/v1/checkouts/', { body })
    expect(res.status).toBe(200)
    expect(res.body.invoiceItems.map((i: { amount: string }) => i.amount)).toEqual(amounts)
    expect(res.body.amountTotal).toBe(total)
  })
})

describe('validation, as DRF answers it', () => {
  const post = (body: unknown) => call(sb, 'POST', '/api/v1/checkouts/', { body })

  it('names every missing required field', async () => {
    const res = await post({})
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ currency: ['This field is required.'], invoice_items: ['This field is required.'] })
  })

  it('treats an empty body as no fields', async () => {
    const res = await call(sb, 'POST', '/api/v1/checkouts/', { raw: '' })
    expect(res.status).toBe(400)
    expect(res.body.currency).toEqual(['This field is required.'])
  })

  it('refuses a body that is not an object', async () => {
    const res = await post([1, 2])
    expect(res.body).toEqual({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] })
  })

  it('nests item errors by position, {} for the good ones', async () => {
    const res = await post({ currency: 'usdt', invoice_items: [item('1', 1), item('1', 0)] })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ invoice_items: [{}, { quantity: ['Ensure this value is greater than or equal to 1.'] }] })
  })

  it.each([
    [1.5, 'A valid integer is required.'],
    ['1.5', 'A valid integer is required.'],
    ['two', 'A valid integer is required.'],
    [true, 'A valid integer is required.'],
    [-2, 'Ensure this value is greater than or equal to 1.'],
    [2147483648, 'Ensure this value is less than or equal to 2147483647.'],
    [null, 'This field may not be null.'],
  ])('quantity %j → %s', async (quantity, message) => {
    const res = await post({ currency: 'usdt', invoice_items: [item('1', quantity)] })
    expect(res.body).toEqual({ invoice_items: [{ quantity: [message] }] })
  })

  it('accepts an integer-valued string quantity, as DRF IntegerField does', async () => {
    const res = await post({ currency: 'usdt', invoice_items: [item('2.50', '3')] })
    expect(res.status).toBe(200)
    expect(res.body.invoiceItems[0]).toMatchObject({ quantity: 3, amount: '7.50' })
  })

  it.each([
    [20.5, /decimal strings like "20.5", not JSON numbers/],
    ['-1', /greater than or equal to 0/],
    ['1e3', /^A valid number is required\.$/],
    ['', /^A valid number is required\.$/],
    ['20.555', /^Ensure that there are no more than 2 decimal places\.$/],
    ['20.500', /^Ensure that there are no more than 2 decimal places\.$/],
    ['0.1234567890123456789', /^Ensure that there are no more than 2 decimal places\.$/],
    ['1'.repeat(31), /no more than 30 digits before the decimal point/],
  ])('unit_amount %j is refused', async (amount, message) => {
    const res = await post({ currency: 'usdt', invoice_items: [item(amount, 1)] })
    expect(res.status).toBe(400)
    expect(res.body.invoice_items[0].price_data.unit_amount[0]).toMatch(message)
  })

  it('requires exactly one of price and price_data', async () => {
    const neither = await post({ currency: 'usdt', invoice_items: [{ quantity: 1 }] })
    expect(neither.body.invoice_items[0].non_field_errors[0]).toMatch(/either "price".*or "price_data"/)
    const both = await post({ currency: 'usdt', invoice_items: [{ ...item('1', 1), price: 'abc' }] })
    expect(both.body.invoice_items[0].non_field_errors[0]).toMatch(/not both/)
  })

  it('checks nested price_data and product_data', async () => {
    const res = await post({
      currency: 'usdt',
      invoice_items: [{ price_data: { unit_amount: '1', product_data: { description: 'no name', images: ['not a url'] } }, quantity: 1 }, { price_data: 'x', quantity: 1 }],
    })
    expect(res.body).toEqual({
      invoice_items: [
        {
          price_data: {
            currency: ['This field is required.'],
            product_data: { name: ['This field is required.'], images: { 0: ['Enter a valid URL.'] } },
          },
        },
        { price_data: { non_field_errors: ['Invalid data. Expected a dictionary, but got str.'] } },
      ],
    })
  })

  it('refuses an unknown price id, an empty or non-list invoice_items, a bad currency and bad URLs', async () => {
    const res = await post({
      currency: 'btc',
      invoice_items: [{ price: 'nope', quantity: 1 }],
      success_url: 'javascript:alert(1)',
      callback_url: 'ftp://example.com/hook',
      client_reference_id: '',
      payment_method_types: ['crypto', 'cash'],
      payment_method_data: { paymentMethodDetail: {} },
    })
    expect(res.body).toEqual({
      currency: ['"btc" is not a valid choice.'],
      invoice_items: [{ price: ['Invalid pk "nope" - object does not exist.'] }],
      success_url: ['Enter a valid URL.'],
      callback_url: ['Enter a valid URL.'],
      client_reference_id: ['This field may not be blank.'],
      payment_method_types: { 1: ['"cash" is not a valid choice.'] },
      payment_method_data: { type: ['This field is required.'], paymentMethodDetail: { currency: ['This field is required.'], network: ['This field is required.'] } },
    })
    expect((await post({ currency: 'usdt', invoice_items: [] })).body).toEqual({ invoice_items: { non_field_errors: ['This list may not be empty.'] } })
    expect((await post({ currency: 'usdt', invoice_items: { quantity: 1 } })).body).toEqual({
      invoice_items: { non_field_errors: ['Expected a list of items but got type "dict".'] },
    })
  })

  it('stores nothing when a request is refused', async () => {
    const before = sb.state()
    await post({ currency: 'usdt', invoice_items: [item('5', 1, 'Never stored'), item('5', 0)] })
    const after = sb.state()
    expect(after.products.length).toBe(before.products.length)
    expect(after.checkouts.length).toBe(before.checkouts.length)
  })
})
