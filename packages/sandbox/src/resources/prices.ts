import { randomUUID } from 'node:crypto'
import type { PriceData } from '../api-types'
import { formatDecimal } from '../decimal'
import { HttpError, notFound } from '../http'
import type { Runtime } from '../runtime'
import { serializePrice } from '../serialize'
import type { MerchantRecord, PriceRecord } from '../types'
import { Form, isData, notADict, pyType } from '../validate'
import { CURRENCIES } from './invoice-items'

/** `POST /api/v1/prices/`: a `product` of this merchant, a `currency`, a decimal-string `unit_amount`. */
export function createPrice(rt: Runtime, merchant: MerchantRecord, body: unknown): PriceData {
  if (!isData(body)) throw new HttpError(400, notADict(body))
  const form = new Form(body)
  const productId = readProduct(form, rt, merchant.id)
  const currency = form.string('currency', { required: true, choices: CURRENCIES })
  const unitAmount = form.decimal('unit_amount')
  if (!form.valid || !productId || !currency || unitAmount === undefined) throw new HttpError(400, form.errors)
  const price: PriceRecord = {
    id: randomUUID(),
    merchantId: merchant.id,
    productId,
    currency,
    unitAmount: formatDecimal(unitAmount, 2),
    createdAt: rt.store.now(),
  }
  rt.store.prices.set(price.id, price)
  return serializePrice(rt.store, price)
}

/** `GET /api/v1/prices/{id}/`. */
export function retrievePrice(rt: Runtime, merchant: MerchantRecord, id: string): PriceData {
  const price = rt.store.price(id, merchant.id)
  if (!price) throw notFound()
  return serializePrice(rt.store, price)
}

function readProduct(form: Form, rt: Runtime, merchantId: string): string | undefined {
  const value = form.data.product
  if (value === undefined) return form.fail('product', ['This field is required.'])
  if (value === null) return form.fail('product', ['This field may not be null.'])
  if (typeof value !== 'string') return form.fail('product', [`Incorrect type. Expected pk value, received ${pyType(value)}.`])
  if (!rt.store.product(value, merchantId)) return form.fail('product', [`Invalid pk "${value.slice(0, 100)}" - object does not exist.`])
  return value
}
