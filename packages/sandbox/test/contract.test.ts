import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fernetDecrypt } from '../src/fernet'
import { startSandbox, type Sandbox } from '../src/index'
import { call, startReceiver } from './support'

// Payfect's documented requests, responses and callback, as data with their sources.
type JsonType = 'String' | 'Boolean' | 'Array' | 'Object' | 'Integer' | 'null'
interface Contract {
  successStatus: { value: number }
  errors: Record<'unauthenticated' | 'forbidden' | 'missingField', { status: number; body: unknown }>
  requests: Array<{ name: string; method: string; path: string; body: Record<string, unknown>; response: string; saveAs?: string; pending?: { status: number; reason: string } }>
  responses: Record<string, { keys: Record<string, JsonType[]>; nested?: Record<string, Record<string, JsonType[]>>; statusValues?: string[]; amountPattern?: string }>
  callback: { header: string; example: Record<string, unknown> }
}
const contract = JSON.parse(readFileSync(new URL('./contract/payfect-contract.json', import.meta.url), 'utf8')) as Contract

function typeOf(value: unknown): JsonType | 'Number' {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'Array'
  if (typeof value === 'string') return 'String'
  if (typeof value === 'boolean') return 'Boolean'
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Number'
  return 'Object'
}

/** `{ key: 'Integer' }` for each documented key, or what it is instead: a readable diff on failure. */
function typesOf(value: Record<string, unknown>, keys: Record<string, JsonType[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(keys).map(([key, allowed]) => {
      if (!Object.hasOwn(value, key)) return [key, 'missing']
      const actual = typeOf(value[key])
      return [key, (allowed as string[]).includes(actual) ? 'ok' : `${actual}, not ${allowed.join(' | ')}`]
    }),
  )
}
const allOk = (keys: Record<string, unknown>) => Object.fromEntries(Object.keys(keys).map((key) => [key, 'ok']))

/** The shape of the documented example: same keys in the same order, same JSON types, recursively. */
function structure(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structure)
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => [k, structure(v)])
  return typeOf(value)
}

let sb: Sandbox
let other: Sandbox['apiKey']
beforeAll(async () => {
  sb = await startSandbox({ port: 0, merchants: [{ apiKey: 'sk_test_contract_a' }, { apiKey: 'sk_test_contract_b' }], callbackRetryDelaysMs: [] })
  other = 'sk_test_contract_b'
})
afterAll(() => sb.close())

const api = (method: string, path: string, body?: unknown, key?: string | null) =>
  call(sb, method, `/api/v1${path}`, { ...(body === undefined ? {} : { body }), ...(key === undefined ? {} : { key }) })

describe('Payfect’s documented requests, against the sandbox', () => {
  const saved: Record<string, string> = {}
  const fill = (body: unknown): unknown => JSON.parse(JSON.stringify(body).replace(/"\{(\w+)\}"/g, (_, name: string) => JSON.stringify(saved[name])))

  for (const request of contract.requests) {
    const expected = request.pending?.status ?? contract.successStatus.value
    it(`${request.name} → ${expected}${request.pending ? ` (pending: ${request.pending.reason})` : ''}`, async () => {
      const res = await api(request.method, request.path, fill(request.body))
      expect(res.status, res.text).toBe(expected)
      if (request.pending) return
      const spec = contract.responses[request.response]!
      expect(typesOf(res.body, spec.keys)).toEqual(allOk(spec.keys))
      for (const [path, keys] of Object.entries(spec.nested ?? {})) {
        const values: Array<Record<string, unknown>> = path.endsWith('[]') ? res.body[path.slice(0, -2)] : [res.body[path]]
        expect(values.length).toBeGreaterThan(0)
        for (const value of values) expect(typesOf(value, keys)).toEqual(allOk(keys))
      }
      if (spec.statusValues) expect(spec.statusValues).toContain(res.body.status)
      if (spec.amountPattern) {
        const amounts = [res.body.amountTotal, ...res.body.invoiceItems.map((item: { amount: string }) => item.amount)]
        for (const amount of amounts) expect(amount).toMatch(new RegExp(spec.amountPattern))
      }
      if (request.saveAs) saved[request.saveAs] = res.body.id
      // `GET /{resource}/{id}/` returns the same object (query.md).
      const again = await api('GET', `${request.path}${res.body.id}/`)
      expect(again.status).toBe(200)
      expect(again.body).toEqual(res.body)
    })
  }

  it('answers a checkout with exactly the documented keys', async () => {
    const res = await api('POST', '/checkouts/', contract.requests[0]!.body)
    expect(Object.keys(res.body).sort()).toEqual(Object.keys(contract.responses.checkout!.keys).sort())
  })
})

describe('Payfect’s documented refusals', () => {
  const create = contract.requests[0]!.body

  it('401 without a key', async () => {
    const res = await api('GET', '/checkouts/x/', undefined, null)
    expect([res.status, res.body]).toEqual([contract.errors.unauthenticated.status, contract.errors.unauthenticated.body])
  })

  it('403 for another merchant’s checkout', async () => {
    const mine = await api('POST', '/checkouts/', create)
    const res = await api('GET', `/checkouts/${mine.body.id}/`, undefined, other)
    expect([res.status, res.body]).toEqual([contract.errors.forbidden.status, contract.errors.forbidden.body])
  })

  it('400 with DRF’s field errors', async () => {
    const { currency: _, ...rest } = create
    const res = await api('POST', '/checkouts/', rest)
    expect([res.status, res.body]).toEqual([contract.errors.missingField.status, contract.errors.missingField.body])
  })

  it('refuses a third decimal as DecimalField(decimal_places=2) does, nested under the item', async () => {
    const item = { price_data: { currency: 'usdt', unit_amount: '20.555', product_data: { name: 'Standard Plan' } }, quantity: 1 }
    const ok = { price_data: { ...item.price_data, unit_amount: '20.55' }, quantity: 1 }
    const res = await api('POST', '/checkouts/', { currency: 'usdt', invoice_items: [ok, item] })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ invoice_items: [{}, { price_data: { unit_amount: ['Ensure that there are no more than 2 decimal places.'] } }] })
    const price = await api('POST', '/prices/', { product: 'x', currency: 'usdt', unit_amount: '1.001' })
    expect(price.body.unit_amount).toEqual(['Ensure that there are no more than 2 decimal places.'])
  })

  it('takes payment_method_data on tron with the currencies Payfect’s material sends, and refuses other networks', async () => {
    for (const currency of ['usdt', 'USDT', 'TWD', 'twd', 'CNY']) {
      const res = await api('POST', '/checkouts/', { ...create, payment_method_data: { type: 'cryptopaymentmethoddetail', paymentMethodDetail: { currency, network: 'tron' } } })
      expect(res.status, `${currency}: ${res.text}`).toBe(200)
    }
    const res = await api('POST', '/checkouts/', { ...create, payment_method_data: { type: 'cryptopaymentmethoddetail', paymentMethodDetail: { currency: 'usdt', network: 'ethereum' } } })
    expect(res.body).toEqual({ payment_method_data: { paymentMethodDetail: { network: ['"ethereum" is not a valid choice.'] } } })
  })
})

describe('Payfect’s documented callback', () => {
  it('posts the documented keys, in order, with their types, signed over the exact body', async () => {
    const hook = await startReceiver(sb.webhookSecret)
    try {
      const body: Record<string, unknown> = { ...contract.requests[0]!.body, callback_url: hook.url }
      const checkout = await api('POST', '/checkouts/', body)
      await call(sb, 'POST', `/_sandbox/checkouts/${checkout.body.id}/pay`, { key: null })
      await hook.waitFor(1)
      const delivery = hook.received[0]!
      const payload = JSON.parse(delivery.body) as Record<string, unknown>
      expect(structure(payload)).toEqual(structure(contract.callback.example))
      expect(payload).toMatchObject({ id: checkout.body.id, amount: '20.50', status: 'succeeded', client_reference_id: body.client_reference_id })
      // What Payfect's Python sample does: decrypt the header and compare with the body.
      const token = delivery.headers[contract.callback.header.toLowerCase()] as string
      expect(JSON.parse(fernetDecrypt(sb.webhookSecret, token))).toEqual(payload)
      expect(delivery.error).toBeUndefined()
    } finally {
      await hook.close()
    }
  })
})
