import { isDecimalString } from './decimal'
import { PayfectInvalidRequestError, type FieldErrors } from './errors'
import type {
  CheckoutCreateParams,
  PaymentLinkCreateParams,
  PriceCreateParams,
  ProductCreateParams,
} from './types'

/**
 * Request validation before anything is sent. Each problem is reported at its
 * path (`invoice_items[0].quantity`), all at once, in one `PayfectInvalidRequestError`
 * whose `fields` mirror the ones Payfect itself would return.
 */

/** Payfect ids are UUIDs today; letters, digits, `-` and `_` keep any id safe in a URL path. */
const ID = /^[A-Za-z0-9_-]{1,255}$/

type Rec = Record<string, unknown>
type Check = (value: unknown) => string | undefined

class Issues {
  readonly fields: FieldErrors = {}
  add(path: string, message: string | undefined): void {
    if (message) (this.fields[path] ??= []).push(message)
  }
  /** Runs `check` on `obj[key]` when present; reports `is required` when absent and `required`. */
  field(obj: Rec, key: string, path: string, check: Check, required = false): void {
    const value = obj[key]
    if (value === undefined) this.add(`${path}${key}`, required ? 'is required' : undefined)
    else this.add(`${path}${key}`, check(value))
  }
  throwIfAny(operation: string): void {
    const entries = Object.entries(this.fields)
    if (entries.length === 0) return
    const list = entries.map(([path, messages]) => (path ? `${path} ${messages.join('; ')}` : messages.join('; '))).join('; ')
    throw new PayfectInvalidRequestError({
      message: `Invalid params for ${operation}: ${list}. Nothing was sent to Payfect; fix the fields named in \`error.fields\`.`,
      fields: this.fields,
    })
  }
}

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v)

function got(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)}`
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  if (value === null) return 'null'
  return Array.isArray(value) ? 'an array' : `a value of type ${typeof value}`
}

const nonEmptyString: Check = (v) =>
  typeof v !== 'string' ? `must be a string (got ${got(v)})` : v.trim() === '' ? 'must not be empty' : undefined

const boolean: Check = (v) => (typeof v === 'boolean' ? undefined : `must be true or false (got ${got(v)})`)

const id: Check = (v) =>
  typeof v === 'string' && ID.test(v)
    ? undefined
    : `must be a Payfect id: letters, digits, "-" and "_", like "ed8d24aa-a860-426b-8e56-87cb9f55a081" (got ${got(v)})`

const httpUrl: Check = (v) => {
  const fail = `must be an absolute http(s) URL like "https://shop.example/thanks" (got ${got(v)})`
  if (typeof v !== 'string') return fail
  try {
    const url = new URL(v)
    return url.protocol === 'https:' || url.protocol === 'http:' ? undefined : fail
  } catch {
    return fail
  }
}

const decimal: Check = (v) => {
  if (typeof v === 'number') return `must be a decimal string like "20.50", not a number: floats lose cents (got ${got(v)})`
  return isDecimalString(v) ? undefined : `must be a non-negative decimal string like "20.50": digits and one optional point, no sign or exponent (got ${got(v)})`
}

const quantity: Check = (v) => (Number.isSafeInteger(v) && (v as number) >= 1 ? undefined : `must be a positive integer (got ${got(v)})`)

const country: Check = (v) => (typeof v === 'string' && /^[A-Z]{2}$/.test(v) ? undefined : `must be a two-letter country code like "TW" (got ${got(v)})`)

function arrayOf(issues: Issues, obj: Rec, key: string, path: string, each: Check, nullable = false): void {
  const value = obj[key]
  if (value === undefined || (nullable && value === null)) return
  if (!Array.isArray(value)) return issues.add(`${path}${key}`, `must be an array${nullable ? ' or null' : ''} (got ${got(value)})`)
  value.forEach((item, i) => issues.add(`${path}${key}[${i}]`, each(item)))
}

/** Sending `successUrl` would be silently ignored by the snake_case API; say so instead. */
function snakeCaseOnly(issues: Issues, obj: Rec, path: string, known: readonly string[]): void {
  for (const key of Object.keys(obj)) {
    if (!/[A-Z]/.test(key)) continue
    const snake = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
    if (known.includes(snake)) issues.add(`${path}${key}`, `is not a Payfect param: params are snake_case, use \`${snake}\``)
  }
}

function object(issues: Issues, value: unknown, path: string, what: string): value is Rec {
  if (isRecord(value)) return true
  issues.add(path, `must be ${what} (got ${got(value)})`)
  return false
}

const ITEM_KEYS = ['price', 'price_data', 'quantity', 'unit_amount', 'product_data'] as const

function invoiceItems(issues: Issues, params: Rec): void {
  const items = params.invoice_items
  if (items === undefined) return issues.add('invoice_items', 'is required: at least one item like { price_data: {...}, quantity: 1 }')
  if (!Array.isArray(items)) return issues.add('invoice_items', `must be an array of items (got ${got(items)})`)
  if (items.length === 0) return issues.add('invoice_items', 'must have at least one item')
  items.forEach((item: unknown, i) => invoiceItem(issues, item, `invoice_items[${i}]`))
}

function invoiceItem(issues: Issues, item: unknown, path: string): void {
  if (!object(issues, item, path, 'an object with `price` or `price_data`, and `quantity`')) return
  snakeCaseOnly(issues, item, `${path}.`, ITEM_KEYS)
  const hasPrice = item.price !== undefined
  const hasData = item.price_data !== undefined
  if (hasPrice === hasData) {
    issues.add(path, `must have exactly one of \`price\` (a price id) or \`price_data\` (an inline price)${hasPrice ? ', not both' : ''}`)
  } else if (hasPrice) {
    issues.field(item, 'price', `${path}.`, id)
  } else if (object(issues, item.price_data, `${path}.price_data`, 'an object with `currency`, `unit_amount` and `product_data`')) {
    const data = item.price_data
    issues.field(data, 'currency', `${path}.price_data.`, nonEmptyString, true)
    issues.field(data, 'unit_amount', `${path}.price_data.`, decimal, true)
    if (data.product_data === undefined) issues.add(`${path}.price_data.product_data`, 'is required: an object with at least `name`')
    else if (object(issues, data.product_data, `${path}.price_data.product_data`, 'an object with at least `name`')) {
      productFields(issues, data.product_data, `${path}.price_data.product_data.`)
    }
  }
  issues.field(item, 'quantity', `${path}.`, quantity, true)
}

function productFields(issues: Issues, obj: Rec, path: string): void {
  issues.field(obj, 'name', path, nonEmptyString, true)
  issues.field(obj, 'description', path, (v) => (typeof v === 'string' ? undefined : `must be a string or omitted (got ${got(v)})`))
  arrayOf(issues, obj, 'images', path, httpUrl)
}

function root(params: unknown, operation: string, known: readonly string[]): [Issues, Rec] {
  const issues = new Issues()
  if (!isRecord(params)) {
    issues.add('', `params must be an object (got ${got(params)})`)
    issues.throwIfAny(operation)
  }
  snakeCaseOnly(issues, params as Rec, '', known)
  return [issues, params as Rec]
}

const CHECKOUT_KEYS = ['currency', 'invoice_items', 'client_reference_id', 'success_url', 'cancel_url', 'callback_url', 'payment_method_data', 'payment_method_types'] as const

/**
 * Checks checkout params before they are sent: `currency`; at least one invoice item, each
 * with exactly one of `price`/`price_data` and a positive integer `quantity`; decimal-string
 * amounts; absolute http(s) URLs.
 *
 * @throws {PayfectInvalidRequestError} listing every problem, with `fields` keyed by path.
 * @example validateCheckoutCreateParams({ currency: 'usdt', invoice_items: [{ price: 'pr_1', quantity: 0 }] })
 * // throws: Invalid params for POST /checkouts/: invoice_items[0].quantity must be a positive integer (got 0). …
 */
export function validateCheckoutCreateParams(params: unknown): asserts params is CheckoutCreateParams {
  const [issues, p] = root(params, 'POST /checkouts/', CHECKOUT_KEYS)
  issues.field(p, 'currency', '', nonEmptyString, true)
  invoiceItems(issues, p)
  issues.field(p, 'client_reference_id', '', nonEmptyString)
  for (const key of ['success_url', 'cancel_url', 'callback_url']) issues.field(p, key, '', httpUrl)
  if (p.payment_method_data !== undefined && object(issues, p.payment_method_data, 'payment_method_data', 'an object with `type`')) {
    issues.field(p.payment_method_data, 'type', 'payment_method_data.', nonEmptyString, true)
  }
  arrayOf(issues, p, 'payment_method_types', '', nonEmptyString)
  issues.throwIfAny('POST /checkouts/')
}

/** Checks `products.create` params: `name` required; `description` a string; `images` absolute URLs. */
export function validateProductCreateParams(params: unknown): asserts params is ProductCreateParams {
  const [issues, p] = root(params, 'POST /products/', ['name', 'description', 'images'])
  productFields(issues, p, '')
  issues.throwIfAny('POST /products/')
}

/** Checks `prices.create` params: a `product` id, a `currency`, a non-negative decimal-string `unit_amount`. */
export function validatePriceCreateParams(params: unknown): asserts params is PriceCreateParams {
  const [issues, p] = root(params, 'POST /prices/', ['product', 'currency', 'unit_amount'])
  issues.field(p, 'product', '', id, true)
  issues.field(p, 'currency', '', nonEmptyString, true)
  issues.field(p, 'unit_amount', '', decimal, true)
  issues.throwIfAny('POST /prices/')
}

const LINK_KEYS = ['invoice_items', 'name_collection', 'email_collection', 'phone_number_collection', 'shipping_address_collection'] as const

/** Checks `paymentLinks.create` params: invoice items as for a checkout, boolean flags, country codes. */
export function validatePaymentLinkCreateParams(params: unknown): asserts params is PaymentLinkCreateParams {
  const [issues, p] = root(params, 'POST /payment-links/', LINK_KEYS)
  invoiceItems(issues, p)
  for (const key of ['name_collection', 'email_collection', 'phone_number_collection']) issues.field(p, key, '', boolean)
  arrayOf(issues, p, 'shipping_address_collection', '', country, true)
  issues.throwIfAny('POST /payment-links/')
}

/**
 * Checks an id before it goes into a URL path (it is `encodeURIComponent`ed as well).
 *
 * @throws {PayfectInvalidRequestError} for an empty id or one with characters other than letters, digits, `-`, `_`.
 */
export function validateId(value: unknown, operation: string, path = 'id'): string {
  const issues = new Issues()
  issues.add(path, value === undefined || value === '' ? 'is required: pass the id Payfect returned' : id(value))
  issues.throwIfAny(operation)
  return value as string
}
