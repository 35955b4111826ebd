import { randomUUID } from 'node:crypto'
import type { ProductData } from '../api-types'
import { HttpError, notFound } from '../http'
import type { Runtime } from '../runtime'
import { serializeProduct } from '../serialize'
import type { MerchantRecord } from '../types'
import { Form, isData, notADict } from '../validate'
import { readProductFields } from './invoice-items'

/** `POST /api/v1/products/`: `name` required, `description` and `images` optional. */
export function createProduct(rt: Runtime, merchant: MerchantRecord, body: unknown): ProductData {
  if (!isData(body)) throw new HttpError(400, notADict(body))
  const form = new Form(body)
  const fields = readProductFields(form)
  if (!fields) throw new HttpError(400, form.errors)
  const product = { id: randomUUID(), merchantId: merchant.id, ...fields, createdAt: rt.store.now() }
  rt.store.products.set(product.id, product)
  return serializeProduct(product)
}

/** `GET /api/v1/products/{id}/`. */
export function retrieveProduct(rt: Runtime, merchant: MerchantRecord, id: string): ProductData {
  const product = rt.store.product(id, merchant.id)
  if (!product) throw notFound()
  return serializeProduct(product)
}
