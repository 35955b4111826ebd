import { isDecimalString } from '../decimal-string'
import { describe } from '../describe'
import { describeFields, PayfectInvalidRequestError, type FieldErrors } from '../errors'
import { isHttpUrl } from '@payfect/contract'
import type {
  CheckoutCreateParams,
  PaymentLinkCreateParams,
  PriceCreateParams,
  ProductCreateParams,
} from '../types'

/**
 * Request validation before anything is sent. Each problem is reported at its
 * path (`invoice_items[0].quantity`), all at once, in one `PayfectInvalidRequestError`
 * whose `fields` mirror the ones Payfect itself would return. The params are described
 * as data: a rule per field, built from a few checks that each name what is wanted.
 */

type Add = (path: string, message: string) => void
type Rule = (value: unknown, path: string, add: Add) => void
type Rec = Record<string, unknown>

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A leaf check: `must be <want> (got <value>)` unless `ok`. */
const is =
  (ok: (v: unknown) => boolean, want: string): Rule =>
  (v, path, add) => {
    if (!ok(v)) add(path, `must be ${want} (got ${describe(v)})`)
  }

const text = is((v) => typeof v === 'string' && v.trim() !== '', 'a non-empty string')
const optionalText = is((v) => typeof v === 'string', 'a string')
const flag = is((v) => typeof v === 'boolean', 'true or false')
// Payfect ids are UUIDs today; letters, digits, `-` and `_` keep any id safe in a URL path.
const id = is((v) => typeof v === 'string' && /^[\w-]{1,255}$/.test(v), 'a Payfect id of letters, digits, - and _')
const url = is(isHttpUrl, 'an absolute http(s) URL')
const amount = is(isDecimalString, 'a non-negative decimal string like "20.50" (not a number)')
const quantity = is((v) => Number.isSafeInteger(v) && (v as number) >= 1, 'a positive integer')
const country = is((v) => typeof v === 'string' && /^[A-Z]{2}$/.test(v), 'a two-letter country code like "TW"')

/** An array of `each`; `null` passes when `nullable`, and `min: 1` wants at least one item. */
const list =
  (each: Rule, min = 0, nullable = false): Rule =>
  (v, path, add) => {
    if (nullable && v === null) return
    if (!Array.isArray(v)) return add(path, `must be an array (got ${describe(v)})`)
    if (v.length < min) return add(path, 'must have at least one item')
    v.forEach((item, i) => each(item, `${path}[${i}]`, add))
  }

/**
 * An object of `shape`; the keys in `required` (space-separated) must be there. A camelCase
 * key whose snake_case form is known is reported, since the API would silently ignore it.
 */
const object = (shape: Record<string, Rule>, required = '', extra?: Rule): Rule => {
  // Worked out once per rule, not per call: validation runs on every request.
  const fields = Object.entries(shape).map(([key, rule]) => ({ key, rule, mandatory: required.split(' ').includes(key) }))
  return (v, path, add) => {
    if (!isRecord(v)) return add(path, `must be an object (got ${describe(v)})`)
    const at = path ? `${path}.` : ''
    for (const key of Object.keys(v)) {
      if (!UPPER.test(key)) continue
      const snake = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
      if (shape[snake]) add(at + key, `is not a Payfect param; use \`${snake}\``)
    }
    for (const { key, rule, mandatory } of fields) {
      if (v[key] !== undefined) rule(v[key], at + key, add)
      else if (mandatory) add(at + key, 'is required')
    }
    extra?.(v, path, add)
  }
}

const UPPER = /[A-Z]/

const product = object({ name: text, description: optionalText, images: list(url) }, 'name')

const invoiceItems = list(
  object(
    {
      price: id,
      price_data: object({ currency: text, unit_amount: amount, product_data: product }, 'currency unit_amount product_data'),
      quantity,
    },
    'quantity',
    (item, path, add) => {
      if (((item as Rec).price === undefined) === ((item as Rec).price_data === undefined)) {
        add(path, 'must have exactly one of `price` or `price_data`')
      }
    },
  ),
  1,
)

/** Runs `rule` on `params`; throws one `PayfectInvalidRequestError` listing every problem. */
function check(rule: Rule, params: unknown, operation: string): void {
  const fields: FieldErrors = {}
  rule(params, '', (path, message) => (fields[path] ??= []).push(message))
  if (Object.keys(fields).length > 0) {
    throw new PayfectInvalidRequestError({
      message: `Invalid params for ${operation}: ${describeFields(fields)}. Nothing was sent to Payfect; fix \`error.fields\`.`,
      fields,
    })
  }
}

const CHECKOUT = object(
  {
    currency: text,
    invoice_items: invoiceItems,
    client_reference_id: text,
    success_url: url,
    cancel_url: url,
    callback_url: url,
    payment_method_data: object({ type: text }, 'type'),
    payment_method_types: list(text),
  },
  'currency invoice_items',
)

/**
 * Checks checkout params before they are sent: `currency`; at least one invoice item, each
 * with exactly one of `price`/`price_data` and a positive integer `quantity`; decimal-string
 * amounts; absolute http(s) URLs.
 *
 * @throws {PayfectInvalidRequestError} listing every problem, with `fields` keyed by path.
 * @example validateCheckoutCreateParams({ currency: 'usdt', invoice_items: [{ price: 'pr_1', quantity: 0 }] })
 * // throws: Invalid params for POST /checkouts/: invoice_items[0].quantity: must be a positive integer (got 0). …
 */
export function validateCheckoutCreateParams(params: unknown): asserts params is CheckoutCreateParams {
  check(CHECKOUT, params, 'POST /checkouts/')
}

/** Checks `products.create` params: `name` required; `description` a string; `images` absolute URLs. */
export function validateProductCreateParams(params: unknown): asserts params is ProductCreateParams {
  check(product, params, 'POST /products/')
}

const PRICE = object({ product: id, currency: text, unit_amount: amount }, 'product currency unit_amount')

/** Checks `prices.create` params: a `product` id, a `currency`, a non-negative decimal-string `unit_amount`. */
export function validatePriceCreateParams(params: unknown): asserts params is PriceCreateParams {
  check(PRICE, params, 'POST /prices/')
}

const LINK = object(
  {
    invoice_items: invoiceItems,
    name_collection: flag,
    email_collection: flag,
    phone_number_collection: flag,
    shipping_address_collection: list(country, 0, true),
  },
  'invoice_items',
)

/** Checks `paymentLinks.create` params: invoice items as for a checkout, boolean flags, country codes. */
export function validatePaymentLinkCreateParams(params: unknown): asserts params is PaymentLinkCreateParams {
  check(LINK, params, 'POST /payment-links/')
}

/**
 * Checks an id before it goes into a URL path (it is `encodeURIComponent`ed as well).
 *
 * @throws {PayfectInvalidRequestError} for an empty id or one with characters other than letters, digits, `-`, `_`.
 */
export function validateId(value: unknown, operation: string, path = 'id'): string {
  check(object({ [path]: id }, path), { [path]: value === '' ? undefined : value }, operation)
  return value as string
}
