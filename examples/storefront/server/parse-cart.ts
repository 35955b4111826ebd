import { findProduct } from '../catalog'
import type { CartItem } from './orders'

/** A cart the shop refuses, with per-field messages in the route handler's error shape. */
export class CartError extends Error {
  readonly fields: Record<string, string[]>
  constructor(message: string, fields: Record<string, string[]> = {}) {
    super(message)
    this.name = 'CartError'
    this.fields = fields
  }
}

const MAX_ITEMS = 100
const MAX_QUANTITY = 10_000
const AMOUNT_KEYS = ['amount', 'amountTotal', 'amount_total', 'unitAmount', 'unit_amount', 'price_data', 'priceData']

/**
 * Reads `{ items: [{ price, quantity }] }`: catalog keys and whole quantities.
 * Anything that tries to set a price is refused — the server prices the cart.
 * Lines for the same key are merged.
 */
export function parseCart(body: unknown): CartItem[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new CartError('Send a JSON object: { "items": [{ "price": "<catalog key>", "quantity": 1 }] }.')
  }
  const record = body as Record<string, unknown>
  const fields: Record<string, string[]> = {}
  for (const key of Object.keys(record)) {
    if (key !== 'items') fields[key] = [AMOUNT_KEYS.includes(key) ? 'Amounts are set by the server from its catalog; remove this field.' : 'Unknown field; only `items` is accepted.']
  }
  const items = record.items
  if (!Array.isArray(items) || items.length === 0) {
    fields.items = ['Add at least one item: [{ "price": "<catalog key>", "quantity": 1 }].']
  } else if (items.length > MAX_ITEMS) {
    fields.items = [`At most ${MAX_ITEMS} lines per order; got ${items.length}.`]
  } else {
    items.forEach((item, i) => checkItem(item, `items[${i}]`, fields))
  }
  if (Object.keys(fields).length > 0) {
    const first = Object.entries(fields)[0]!
    throw new CartError(`The cart was refused: ${first[0]}: ${first[1].join(' ')}`, fields)
  }

  const merged = new Map<string, number>()
  for (const item of items as CartItem[]) merged.set(item.price, (merged.get(item.price) ?? 0) + (item.quantity ?? 1))
  for (const [price, quantity] of merged) {
    if (quantity > MAX_QUANTITY) throw new CartError(`The cart was refused: at most ${MAX_QUANTITY} of ${price}.`, { items: [`At most ${MAX_QUANTITY} of ${price}.`] })
  }
  // One order is one checkout, and a checkout is paid in one currency.
  const currencies = [...new Set([...merged.keys()].map((price) => findProduct(price)!.currency))]
  if (currencies.length > 1) {
    const mixed = `The cart mixes ${currencies.map((c) => c.toUpperCase()).join(' and ')} prices; place one order per currency.`
    throw new CartError(`The cart was refused: ${mixed}`, { items: [mixed] })
  }
  return [...merged].map(([price, quantity]) => ({ price, quantity }))
}

function checkItem(item: unknown, path: string, fields: Record<string, string[]>): void {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    fields[path] = ['Each item is an object { "price": "<catalog key>", "quantity": 1 }.']
    return
  }
  const { price, quantity, ...rest } = item as Record<string, unknown>
  for (const key of Object.keys(rest)) {
    fields[`${path}.${key}`] = [AMOUNT_KEYS.includes(key) ? 'Amounts are set by the server from its catalog; remove this field.' : 'Unknown field; an item has only `price` and `quantity`.']
  }
  if (typeof price !== 'string' || !findProduct(price)) {
    fields[`${path}.price`] = [`${typeof price === 'string' ? JSON.stringify(price) : 'This'} is not a product of this shop; use a catalog key such as "orbit-mug".`]
  }
  if (quantity !== undefined && !(Number.isInteger(quantity) && (quantity as number) >= 1 && (quantity as number) <= MAX_QUANTITY)) {
    fields[`${path}.quantity`] = [`Must be a whole number from 1 to ${MAX_QUANTITY}.`]
  }
}
