import type { FieldErrors } from '../errors'
import type { RequestedItem, ValidatedCheckoutBody } from './checkout-request-body'
import { describeFields, refusal } from './refusal'

export const MAX_ITEMS = 100
export const MAX_QUANTITY = 10_000
const MAX_PRICE_KEY_LENGTH = 200
const CLIENT_REFERENCE_ID = /^[A-Za-z0-9_.:-]{1,200}$/

// Keys that would let a browser name its own price. They are refused with a message
// of their own, so a front-end developer learns why rather than "unknown field".
const AMOUNT_KEYS = new Set(['price_data', 'unit_amount', 'unitAmount', 'amount', 'amountTotal', 'amount_total', 'priceData'])
const BODY_KEYS = new Set(['items', 'clientReferenceId'])
const ITEM_KEYS = new Set(['price', 'quantity'])

export interface ParsedCheckoutBody {
  body: ValidatedCheckoutBody
  /** For each merged item, the index of its first occurrence in the request, for field paths. */
  positions: number[]
}

/**
 * Validates the browser's JSON against the handler's protocol and merges items
 * with the same price. Every problem is collected into `fields` with its path
 * (`items[3].quantity`); any problem refuses the request with 400.
 */
export function parseCheckoutBody(json: unknown): ParsedCheckoutBody {
  if (!isPlainObject(json)) {
    throw refusal(400, 'The request body must be a JSON object such as `{"items":[{"price":"<catalog key>","quantity":1}]}`.')
  }
  // No prototype: a body key named `__proto__` must become a field path, not a lookup.
  const fields: FieldErrors = Object.create(null) as FieldErrors
  const add = (path: string, message: string) => (fields[path] ??= []).push(message)

  checkKeys(json, BODY_KEYS, '', add)
  const items = readItems(json.items, add)
  let clientReferenceId: string | undefined
  if (Object.hasOwn(json, 'clientReferenceId')) {
    const value = json.clientReferenceId
    if (typeof value === 'string' && CLIENT_REFERENCE_ID.test(value)) clientReferenceId = value
    else add('clientReferenceId', 'must be a string of 1 to 200 characters from A-Z a-z 0-9 _ . : - (or be left out).')
  }
  const merged = Object.keys(fields).length === 0 ? mergeItems(items, add) : undefined

  if (!merged || Object.keys(fields).length > 0) {
    throw refusal(400, `The checkout request is invalid. ${describeFields(fields)}`, fields)
  }
  const body: ValidatedCheckoutBody = { items: merged.items }
  if (clientReferenceId !== undefined) body.clientReferenceId = clientReferenceId
  return { body, positions: merged.positions }
}

type Add = (path: string, message: string) => void

function readItems(value: unknown, add: Add): RequestedItem[] {
  if (!Array.isArray(value)) {
    add('items', 'is required: an array of `{ price, quantity }` objects.')
    return []
  }
  if (value.length === 0) add('items', 'must hold at least one item.')
  if (value.length > MAX_ITEMS) {
    add('items', `must hold at most ${MAX_ITEMS} items; got ${value.length}.`)
    return []
  }
  return value.map((item: unknown, i): RequestedItem => {
    const path = `items[${i}]`
    if (!isPlainObject(item)) {
      add(path, 'must be an object `{ price, quantity }`.')
      return { price: '', quantity: 0 }
    }
    checkKeys(item, ITEM_KEYS, `${path}.`, add)
    const { price, quantity = 1 } = item
    if (typeof price !== 'string' || price.length === 0 || price.length > MAX_PRICE_KEY_LENGTH) {
      add(`${path}.price`, `is required: a key of the server's catalog (a string of 1 to ${MAX_PRICE_KEY_LENGTH} characters).`)
    }
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
      add(`${path}.quantity`, `must be a whole number from 1 to ${MAX_QUANTITY}; got ${preview(quantity)}.`)
    }
    return { price: String(price), quantity: Number(quantity) }
  })
}

// Merging lets a cart that adds the same product twice still check out, as one line.
function mergeItems(items: RequestedItem[], add: Add) {
  const byPrice = new Map<string, number>()
  const merged: RequestedItem[] = []
  const positions: number[] = []
  items.forEach((item, i) => {
    const at = byPrice.get(item.price)
    if (at === undefined) {
      byPrice.set(item.price, merged.length)
      merged.push({ ...item })
      positions.push(i)
      return
    }
    const target = merged[at]!
    target.quantity += item.quantity
    if (target.quantity > MAX_QUANTITY) {
      add(`items[${i}].quantity`, `together with items[${positions[at]}] (the same price) exceeds ${MAX_QUANTITY}.`)
    }
  })
  return { items: merged, positions }
}

function checkKeys(object: Record<string, unknown>, allowed: Set<string>, prefix: string, add: Add) {
  for (const key of Object.keys(object)) {
    if (allowed.has(key)) continue
    const path = `${prefix}${key.length > 40 ? `${key.slice(0, 40)}…` : key}`
    if (AMOUNT_KEYS.has(key)) {
      add(path, 'is not accepted: prices are set by the server from its catalog, never by the browser. Remove it.')
    } else {
      add(path, `is not a known field; expected only ${[...allowed].map((k) => `\`${k}\``).join(' and ')}.`)
    }
  }
}

function preview(value: unknown): string {
  return typeof value === 'number' ? String(value) : value === null ? 'null' : `a value of type ${typeof value}`
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
