import { isDecimalString } from './decimal'

/**
 * Field parsing that answers as Django REST Framework does: every problem is
 * collected under its field name (`{"currency": ["This field is required."]}`),
 * nested serializers nest (`{"invoice_items": [{}, {"quantity": [...]}]}`), and
 * the messages are DRF's own, with a hint added where DRF's would not say how
 * to fix it (amounts sent as floats).
 */

/** A DRF error body: messages per field, nested for nested serializers, a list for `many=True`. */
export type ErrorDetail = string[] | ErrorMap | ErrorMap[]
export interface ErrorMap {
  [field: string]: ErrorDetail
}

export type Data = Record<string, unknown>

export const REQUIRED = 'This field is required.'
export const NOT_NULL = 'This field may not be null.'
export const NOT_BLANK = 'This field may not be blank.'

/** The largest integer a Django `PositiveIntegerField` stores. */
export const MAX_INTEGER = 2147483647
/** The longest whole part accepted for an amount (DRF `max_digits - decimal_places`). */
export const MAX_WHOLE_DIGITS = 30

export const isData = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The Python type name DRF puts in its messages (`str`, `int`, `list`, `dict`, …). */
export function pyType(value: unknown): string {
  if (value === null) return 'NoneType'
  if (Array.isArray(value)) return 'list'
  if (typeof value === 'string') return 'str'
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float'
  return 'dict'
}

export const notADict = (value: unknown): ErrorMap => ({
  non_field_errors: [`Invalid data. Expected a dictionary, but got ${pyType(value)}.`],
})

/** Collects the errors of one serializer. Each reader returns the clean value, or `undefined` after recording why not. */
export class Form {
  readonly errors: ErrorMap = {}

  constructor(readonly data: Data) {}

  get valid(): boolean {
    return Object.keys(this.errors).length === 0
  }

  fail(field: string, detail: ErrorDetail): undefined {
    this.errors[field] = detail
    return undefined
  }

  /** Present and not null, else records `required`/`null` as DRF does. `null` is returned for an allowed null. */
  private present(field: string, required: boolean, nullable: boolean): 'absent' | 'null' | 'value' | 'error' {
    const value = this.data[field]
    if (value === undefined) {
      if (required) this.fail(field, [REQUIRED])
      return required ? 'error' : 'absent'
    }
    if (value === null) {
      if (!nullable) this.fail(field, [NOT_NULL])
      return nullable ? 'null' : 'error'
    }
    return 'value'
  }

  string(field: string, opts: { required?: boolean; nullable?: boolean; maxLength?: number; choices?: readonly string[] } = {}): string | null | undefined {
    const state = this.present(field, opts.required ?? false, opts.nullable ?? false)
    if (state !== 'value') return state === 'null' ? null : undefined
    const value = this.data[field]
    if (typeof value !== 'string' && typeof value !== 'number') return this.fail(field, ['Not a valid string.'])
    const text = String(value)
    if (opts.choices) return opts.choices.includes(text) ? text : this.fail(field, [`"${text}" is not a valid choice.`])
    if (text.trim() === '') return this.fail(field, [NOT_BLANK])
    if (opts.maxLength !== undefined && text.length > opts.maxLength) {
      return this.fail(field, [`Ensure this field has no more than ${opts.maxLength} characters.`])
    }
    return text
  }

  url(field: string, opts: { nullable?: boolean } = {}): string | null | undefined {
    const text = this.string(field, { nullable: opts.nullable ?? true, maxLength: 2048 })
    if (typeof text !== 'string') return text
    return isHttpUrl(text) ? text : this.fail(field, ['Enter a valid URL.'])
  }

  boolean(field: string): boolean | undefined {
    const state = this.present(field, false, false)
    if (state !== 'value') return undefined
    const value = this.data[field]
    if (value === true || value === 'true' || value === 'True' || value === 1) return true
    if (value === false || value === 'false' || value === 'False' || value === 0) return false
    return this.fail(field, ['Must be a valid boolean.'])
  }

  /** A positive whole number; integer-valued strings (`"2"`) pass as DRF's `IntegerField` lets them. */
  quantity(field: string): number | undefined {
    const state = this.present(field, true, false)
    if (state !== 'value') return undefined
    const message = checkQuantity(this.data[field])
    return typeof message === 'string' ? this.fail(field, [message]) : message
  }

  /** A non-negative decimal string (or a JSON integer), returned as a string. Floats are refused. */
  decimal(field: string): string | undefined {
    const state = this.present(field, true, false)
    if (state !== 'value') return undefined
    const value = this.data[field]
    const checked = checkDecimal(value)
    return checked.ok ? checked.value : this.fail(field, [checked.message])
  }

  /** A list (maybe null) of strings each passing `each` (returns a message when bad). */
  list(field: string, each: (item: unknown) => string | undefined, opts: { nullable?: boolean } = {}): string[] | null | undefined {
    const state = this.present(field, false, opts.nullable ?? false)
    if (state !== 'value') return state === 'null' ? null : undefined
    const value = this.data[field]
    if (!Array.isArray(value)) return this.fail(field, [`Expected a list of items but got type "${pyType(value)}".`])
    const errors = new Map<number, string>()
    value.forEach((item, i) => {
      const message = each(item)
      if (message) errors.set(i, message)
    })
    if (errors.size === 0) return value as string[]
    // DRF's ListField keys child errors by index.
    const detail: ErrorMap = {}
    for (const [i, message] of errors) detail[String(i)] = [message]
    return this.fail(field, detail)
  }
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

export function checkQuantity(value: unknown): number | string {
  const invalid = 'A valid integer is required.'
  let n: number
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return invalid
    n = value
  } else if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) {
    n = Number(value)
  } else {
    return invalid
  }
  if (n < 1) return 'Ensure this value is greater than or equal to 1.'
  if (n > MAX_INTEGER) return `Ensure this value is less than or equal to ${MAX_INTEGER}.`
  return n
}

export function checkDecimal(value: unknown): { ok: true; value: string } | { ok: false; message: string } {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      return { ok: false, message: `Send amounts as decimal strings like "20.5", not JSON numbers: ${value} as a float cannot hold money exactly.` }
    }
    value = String(value)
  }
  if (typeof value !== 'string') return { ok: false, message: 'A valid number is required.' }
  const text = value.trim()
  if (/^-\d+(\.\d+)?$/.test(text)) return { ok: false, message: 'Ensure this value is greater than or equal to 0.' }
  if (/^\d+\.\d{19,}$/.test(text)) return { ok: false, message: 'Ensure that there are no more than 18 decimal places.' }
  if (!isDecimalString(text)) return { ok: false, message: 'A valid number is required.' }
  const whole = text.split('.')[0] ?? ''
  if (whole.replace(/^0+(?=\d)/, '').length > MAX_WHOLE_DIGITS) {
    return { ok: false, message: `Ensure that there are no more than ${MAX_WHOLE_DIGITS} digits before the decimal point.` }
  }
  return { ok: true, value: text }
}
