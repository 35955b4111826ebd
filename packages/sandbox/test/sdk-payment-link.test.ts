/**
 * Payfect's Python SDK payment-link example (payfect-python examples/create_payment_link.py at
 * b8664ff), replayed as the SDK sends it: `requests.post(url, json=params, headers={'Authorization':
 * f'Api-Key {key}'})` for `Product.create` → `Price.create` (in `twd`) → `PaymentLink.create`,
 * each against `{api_base}/{object}s/`, stopping at the first non-2xx as `raise_for_status()` does.
 */
import { JSDOM } from 'jsdom'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../src/index'

/** `json.dumps` as `requests` calls it: `", "`/`": "` separators and `ensure_ascii`, so the bytes match. */
function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`
  if (value && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${pythonJson(k)}: ${pythonJson(v)}`).join(', ')}}`
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

let sb: Sandbox
beforeAll(async () => {
  sb = await startSandbox({ port: 0 })
})
afterAll(() => sb.close())

const sent: string[] = []
/** `CreatableAPIResource.create(**params)` of the SDK, with `payfect.api_base` pointed at the sandbox. */
async function create(objectName: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  const url = `${sb.apiBase}/${objectName}s/`
  sent.push(url)
  const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Api-Key ${sb.apiKey}`, 'User-Agent': 'python-requests/2.31.0' }, body: pythonJson(params) })
  const body = (await r.json()) as Record<string, unknown>
  if (r.status >= 400) throw new Error(`${r.status} ${r.statusText} ${JSON.stringify(body)}`)
  return body
}

it('runs the SDK’s payment-link example in twd: products → prices → payment-links, then the link opens a TWD checkout', async () => {
  const PRODUCT_NAME = '金雨樹'
  const PRODUCT_DESCRIPTION = '5m²•森林景觀•禁煙房•網路存取•壁爐•免費衛浴用品•戶外環境•提供空調\n四人價格(一泊二食)'
  const PRODUCT_IMAGE_URL =
    'https://tbb-prod-apac.imgix.net/attachments/room_type_photos/images/675130/675130/%E9%87%91%E9%9B%A8%E6%A8%B91.jpg?auto=format,compress&fit=crop&crop=entropy&w=300&h=200&q=55'
  const PRICE_CURRENCY = 'twd'
  const PRICE_UNIT_AMOUNT = '8800'

  const productData = await create('product', { name: PRODUCT_NAME, description: PRODUCT_DESCRIPTION, images: [PRODUCT_IMAGE_URL] })
  const priceData = await create('price', { product: productData.id, currency: PRICE_CURRENCY, unit_amount: PRICE_UNIT_AMOUNT })
  const paymentLink = await create('payment-link', {
    name_collection: true,
    email_collection: true,
    phone_number_collection: true,
    shipping_address_collection: ['TW'],
    invoice_items: [{ price: priceData.id, quantity: 1 }],
  })

  expect(sent).toEqual([`${sb.apiBase}/products/`, `${sb.apiBase}/prices/`, `${sb.apiBase}/payment-links/`])
  expect(productData).toMatchObject({ name: PRODUCT_NAME, description: PRODUCT_DESCRIPTION, images: [PRODUCT_IMAGE_URL] })
  expect(priceData).toMatchObject({ product: productData.id, currency: 'twd', unitAmount: '8800.00' })
  expect(paymentLink).toMatchObject({
    url: expect.stringMatching(new RegExp(`^${sb.url}/payment-links/`)),
    amountTotal: '8800.00',
    nameCollection: true,
    shippingAddressCollection: { allowedCountries: ['TW'] },
    invoiceItems: [{ price: priceData.id, quantity: 1, amount: '8800.00' }],
  })

  // `print(payment_link)`: a shopper opening its url gets a checkout in twd, quoted in USDT.
  const opened = await fetch(paymentLink.url as string)
  expect(opened.url).toMatch(new RegExp(`^${sb.url}/checkouts/`))
  const { document } = new JSDOM(await opened.text()).window
  expect(document.querySelector('.pf-due')?.textContent).toBe('Amount due 8,800.00 TWD')
  expect(document.getElementById('pf-amount')?.textContent).toBe('270.77 USDT')
  expect(sb.state().checkouts[0]).toMatchObject({ checkout: { currency: 'twd', amountTotal: '8800.00' }, quote: { usdt: '270.77', rate: '32.5' } })
})
