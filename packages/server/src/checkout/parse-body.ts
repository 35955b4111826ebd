import { describe } from '../describe'
import { describeFields, type FieldErrors } from '../errors'
import type { RequestedItem, ValidatedCheckoutBody } from './checkout-request-body'
import { refusal } from './refusal'

export const MAX_ITEMS = 100
export const MAX_QUANTITY = 10_000

// Keys that would let a browser name its own price. They are refused with a message
// of their own, so a front-end developer learns why rather than "unknown field".
const AMOUNT_KEYS = /^(price_?data|unit_?amount|amount(_?total)?)$/i

export interface ParsedCheckoutBody {
  body: ValidatedCheckoutBody
  /** For each merged item, the index of its first occurrence in the request, for field paths. */
  positions: number[]
}

type Add = (path: string, message: string) => void

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Validates the browser's JSON against the handler's protocol and merges items
 * with the same price. Every problem is collected into `fields` with its path
 * (`items[3].quantity`); any problem refuses the request with 400.
 */
export function parseCheckoutBody(json: unknown): ParsedCheckoutBody {
  if (!isPlainObject(json)) throw refusal('invalid_body', 'The body must be a JSON object like `{"items":[{"price":"<catalog key>","quantity":1}]}`.')
  // No prototype: a body key named `__proto__` must become a field path, not a lookup.
  const fields: FieldErrors = Object.create(null) as FieldErrors
  const add: Add = (path, message) => (fields[path] ??= []).push(message)

  checkKeys(json, ['items', 'clientReferenceId'], '', add)
  const items = readItems(json.items, add)
  const { clientReferenceId } = json
  if (clientReferenceId !== undefined && !(typeof clientReferenceId === 'string' && /^[\w.:-]{1,200}$/.test(clientReferenceId))) {
    add('clientReferenceId', 'must be 1 to 200 characters of A-Z a-z 0-9 _ . : - (or left out).')
  }
  // Merging lets a cart that adds the same product twice still check out, as one line.
  const merged: RequestedItem[] = []
  const positions: number[] = []
  if (Object.keys(fields).length === 0) items.forEach((item, i) => {
    const at = merged.findIndex((m) => m.price === item.price)
    if (at < 0) {
      merged.push({ ...item })
      positions.push(i)
    } else if ((merged[at]!.quantity += item.quantity) > MAX_QUANTITY) {
      add(`items[${i}].quantity`, `with items[${positions[at]}] (the same price) exceeds ${MAX_QUANTITY}.`)
    }
  })

  if (Object.keys(fields).length > 0) throw refusal('invalid_body', `The checkout request is invalid (${describeFields(fields)}); fix \`error.fields\`.`, fields)
  const body: ValidatedCheckoutBody = { items: merged }
  if (clientReferenceId !== undefined) body.clientReferenceId = clientReferenceId as string
  return { body, positions }
}

function readItems(value: unknown, add: Add): RequestedItem[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_ITEMS) {
    add('items', `must be an array of 1 to ${MAX_ITEMS} \`{ price, quantity }\` objects (got ${Array.isArray(value) ? `${value.length} items` : describe(value)}).`)
    return []
  }
  return value.map((item: unknown, i): RequestedItem => {
    const path = `items[${i}]`
    if (!isPlainObject(item)) {
      add(path, `must be an object \`{ price, quantity }\` (got ${describe(item)}).`)
      return { price: '', quantity: 0 }
    }
    checkKeys(item, ['price', 'quantity'], `${path}.`, add)
    const { price, quantity = 1 } = item
    if (typeof price !== 'string' || !price || price.length > 200) add(`${path}.price`, 'must be a catalog key of 1 to 200 characters.')
    if (!Number.isInteger(quantity) || (quantity as number) < 1 || (quantity as number) > MAX_QUANTITY) {
      add(`${path}.quantity`, `must be a whole number from 1 to ${MAX_QUANTITY} (got ${describe(quantity)}).`)
    }
    return { price: String(price), quantity: Number(quantity) }
  })
}

function checkKeys(object: Record<string, unknown>, allowed: string[], prefix: string, add: Add) {
  for (const key of Object.keys(object)) {
    if (allowed.includes(key)) continue
    add(
      prefix + (key.length > 40 ? `${key.slice(0, 40)}…` : key),
      AMOUNT_KEYS.test(key) ? 'is not accepted: prices are set by the server, never the browser. Remove it.' : `is not a known field; use only \`${allowed.join('` and `')}\`.`,
    )
  }
}
