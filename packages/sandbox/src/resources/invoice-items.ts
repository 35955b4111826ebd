import { randomUUID } from 'node:crypto'
import { formatDecimal } from '../decimal'
import type { Store } from '../store'
import type { LineRecord } from '../types'
import { Form, NOT_NULL, REQUIRED, isData, isHttpUrl, notADict, pyType, type ErrorMap } from '../validate'

/** Currencies the live API takes today. */
export const CURRENCIES = ['usdt'] as const
export const MAX_INVOICE_ITEMS = 100

interface InlinePrice {
  currency: string
  unitAmount: string
  product: { name: string; description: string | null; images: string[] }
}

/** A valid invoice item, not yet stored: a stored price, or an inline one to create. */
export type PendingLine = { quantity: number } & ({ priceId: string; inline?: never } | { inline: InlinePrice; priceId?: never })

/**
 * Reads `invoice_items` as DRF's nested `many=True` serializer would: errors per
 * item (`[{}, {"quantity": [...]}]`), each item exactly one of `price` (a stored
 * price of this merchant) or `price_data` (an inline price).
 */
export function parseInvoiceItems(form: Form, store: Store, merchantId: string): PendingLine[] | undefined {
  const value = form.data.invoice_items
  if (value === undefined) return form.fail('invoice_items', [REQUIRED])
  if (value === null) return form.fail('invoice_items', [NOT_NULL])
  if (!Array.isArray(value)) {
    return form.fail('invoice_items', { non_field_errors: [`Expected a list of items but got type "${pyType(value)}".`] })
  }
  if (value.length === 0) return form.fail('invoice_items', { non_field_errors: ['This list may not be empty.'] })
  if (value.length > MAX_INVOICE_ITEMS) {
    return form.fail('invoice_items', { non_field_errors: [`Ensure this field has no more than ${MAX_INVOICE_ITEMS} elements.`] })
  }
  const lines: PendingLine[] = []
  const errors = value.map((item: unknown): ErrorMap => {
    if (!isData(item)) return notADict(item)
    const line = parseItem(new Form(item), store, merchantId)
    if ('errors' in line) return line.errors
    lines.push(line)
    return {}
  })
  return errors.some((e) => Object.keys(e).length > 0) ? form.fail('invoice_items', errors) : lines
}

function parseItem(form: Form, store: Store, merchantId: string): PendingLine | { errors: ErrorMap } {
  const { price, price_data: priceData } = form.data
  let pending: { priceId: string } | { inline: InlinePrice } | undefined
  if (price !== undefined && priceData !== undefined) {
    form.fail('non_field_errors', ['Provide either "price" (a stored price id) or "price_data" (an inline price), not both.'])
  } else if (price === undefined && priceData === undefined) {
    form.fail('non_field_errors', ['Provide either "price" (a stored price id) or "price_data" (an inline price).'])
  } else if (price !== undefined) {
    const priceId = readPriceId(form, store, merchantId)
    if (priceId) pending = { priceId }
  } else {
    const inline = readPriceData(form)
    if (inline) pending = { inline }
  }
  const quantity = form.quantity('quantity')
  if (!form.valid || !pending || quantity === undefined) return { errors: form.errors }
  return { ...pending, quantity }
}

function readPriceId(form: Form, store: Store, merchantId: string): string | undefined {
  const price = form.data.price
  if (price === null) return form.fail('price', [NOT_NULL])
  if (typeof price !== 'string') return form.fail('price', [`Incorrect type. Expected pk value, received ${pyType(price)}.`])
  if (!store.price(price, merchantId)) return form.fail('price', [`Invalid pk "${price.slice(0, 100)}" - object does not exist.`])
  return price
}

function readPriceData(form: Form): InlinePrice | undefined {
  const data = form.data.price_data
  if (!isData(data)) return form.fail('price_data', data === null ? [NOT_NULL] : notADict(data))
  const inner = new Form(data)
  const currency = inner.string('currency', { required: true, choices: CURRENCIES })
  const unitAmount = inner.decimal('unit_amount')
  const product = readProductData(inner)
  if (!inner.valid || currency == null || unitAmount === undefined || !product) return form.fail('price_data', inner.errors)
  return { currency, unitAmount, product }
}

function readProductData(form: Form): InlinePrice['product'] | undefined {
  const data = form.data.product_data
  if (data === undefined) return form.fail('product_data', [REQUIRED])
  if (!isData(data)) return form.fail('product_data', data === null ? [NOT_NULL] : notADict(data))
  const inner = new Form(data)
  const product = readProductFields(inner)
  return product ?? form.fail('product_data', inner.errors)
}

/** `name` (required), `description` (optional, may be null), `images` (http(s) URLs): a product's fields. */
export function readProductFields(form: Form): InlinePrice['product'] | undefined {
  const name = form.string('name', { required: true, maxLength: 255 })
  const description = form.string('description', { nullable: true, maxLength: 5000 })
  const images = form.list('images', (v) => (typeof v === 'string' && isHttpUrl(v) ? undefined : 'Enter a valid URL.'))
  if (!form.valid || typeof name !== 'string') return undefined
  return { name, description: description ?? null, images: images ?? [] }
}

/** Stores the inline prices (each with its product) and returns the lines. Call only once all input is valid. */
export function storeLines(store: Store, merchantId: string, pending: readonly PendingLine[]): LineRecord[] {
  return pending.map((line) => {
    let priceId = line.priceId
    if (line.inline) {
      const createdAt = store.now()
      const productId = randomUUID()
      store.products.set(productId, { id: productId, merchantId, ...line.inline.product, createdAt })
      priceId = randomUUID()
      store.prices.set(priceId, {
        id: priceId,
        merchantId,
        productId,
        currency: line.inline.currency,
        unitAmount: formatDecimal(line.inline.unitAmount, 2),
        createdAt,
      })
    }
    return { id: randomUUID(), priceId: priceId!, quantity: line.quantity }
  })
}
