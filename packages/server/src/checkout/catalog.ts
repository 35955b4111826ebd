import { isDecimalString } from '../decimal-string'
import { describe } from '../describe'
import { configError } from '../errors'
import type { CurrencyCode, DecimalString } from '../types'
import { isHttpUrl } from '@payfect/contract'

/** Something the merchant sells, at a price only the server knows. */
export interface CatalogItem {
  /** Shown to the shopper on the hosted checkout page. */
  name: string
  /**
   * The price of one unit as a decimal string. Never a number: `20.5` is refused at startup.
   *
   * @example '20.50'
   */
  unitAmount: DecimalString
  /**
   * The currency code in lower case. All items of one checkout must share it.
   *
   * @example 'usdt'
   */
  currency: CurrencyCode
  /** Shown under the name on the hosted checkout page. */
  description?: string
  /** Absolute `https:` (or, in development, `http:`) URLs of product images. */
  images?: string[]
}

/**
 * The server's price list: the browser sends a key, the server sends Payfect the
 * entry's name and amount as `price_data`.
 *
 * @example
 * const catalog = {
 *   'pro-plan': { name: 'Pro plan', unitAmount: '20.00', currency: 'usdt' },
 *   'sticker': { name: 'Sticker', unitAmount: '1.50', currency: 'usdt', images: ['https://shop.example/sticker.png'] },
 * } satisfies Catalog
 */
export type Catalog = Readonly<Record<string, CatalogItem>>

// Each field of an entry: its check, and what it must be. `name`, `unitAmount` and `currency` are required.
const ENTRY: Record<string, [(v: unknown) => boolean, string]> = {
  name: [(v) => typeof v === 'string' && v.trim() !== '', 'a non-empty string'],
  unitAmount: [isDecimalString, 'a decimal string like "20.50" (money is never a float)'],
  currency: [(v) => typeof v === 'string' && /^[a-z][a-z0-9]{1,15}$/.test(v), 'a lower-case currency code like "usdt"'],
  description: [(v) => v === undefined || typeof v === 'string', 'a string'],
  images: [(v) => v === undefined || (Array.isArray(v) && v.every(isHttpUrl)), 'an array of absolute https: URLs'],
}

/**
 * Checks every catalog entry and copies the catalog into a `Map`, so a typo fails
 * at startup (naming the entry) rather than at a shopper's checkout, and later
 * changes to the object cannot slip past the checks.
 */
export function validateCatalog(catalog: unknown): ReadonlyMap<string, CatalogItem> {
  if (typeof catalog !== 'object' || catalog === null || Array.isArray(catalog)) {
    throw configError(`createCheckoutHandler: \`catalog\` must be an object like { 'pro-plan': { name, unitAmount, currency } } (got ${describe(catalog)}).`)
  }
  const problems: string[] = []
  const entries = new Map<string, CatalogItem>()
  for (const [key, entry] of Object.entries(catalog)) {
    const at = `catalog[${JSON.stringify(key)}]`
    const before = problems.length
    if (key.length === 0 || key.length > 200) problems.push(`${at}: the key must be 1 to 200 characters.`)
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${at} must be an object { name, unitAmount, currency } (got ${describe(entry)}).`)
      continue
    }
    for (const [field, [ok, want]] of Object.entries(ENTRY)) {
      if (!ok(entry[field])) problems.push(`${at}.${field} must be ${want} (got ${describe(entry[field])}).`)
    }
    for (const field of Object.keys(entry)) {
      if (ENTRY[field]) continue
      const camel = field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
      problems.push(`${at} has an unknown field \`${field}\`${ENTRY[camel] ? `; did you mean \`${camel}\`?` : '.'}`)
    }
    const { name, unitAmount, currency, description, images } = entry as CatalogItem
    if (problems.length === before) entries.set(key, Object.freeze({ name, unitAmount, currency, description, images: images && [...images] }))
  }
  if (problems.length > 0) throw configError(`createCheckoutHandler: fix the catalog: ${problems.join(' ')}`)
  return entries
}
