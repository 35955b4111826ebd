import { isDecimalString } from '../decimal'
import { PayfectConfigurationError } from '../errors'
import type { CurrencyCode, DecimalString } from '../types'

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

const ENTRY_KEYS = new Set(['name', 'unitAmount', 'currency', 'description', 'images'])
const CURRENCY = /^[a-z][a-z0-9]{1,15}$/

/**
 * Checks every catalog entry and copies the catalog into a `Map`, so a typo fails
 * at startup (naming the entry) rather than at a shopper's checkout, and later
 * changes to the object cannot slip past the checks.
 */
export function validateCatalog(catalog: unknown): ReadonlyMap<string, CatalogItem> {
  if (typeof catalog !== 'object' || catalog === null || Array.isArray(catalog)) {
    throw new PayfectConfigurationError({
      message: `createCheckoutHandler: \`catalog\` must be an object of items keyed by price key, e.g. { 'pro-plan': { name: 'Pro plan', unitAmount: '20.00', currency: 'usdt' } }; got ${describe(catalog)}.`,
    })
  }
  const problems: string[] = []
  const entries = new Map<string, CatalogItem>()
  for (const [key, entry] of Object.entries(catalog)) {
    const at = `catalog[${JSON.stringify(key)}]`
    const before = problems.length
    if (key.length === 0 || key.length > 200) problems.push(`${at}: the key must be 1 to 200 characters long.`)
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${at} must be an object { name, unitAmount, currency }; got ${describe(entry)}.`)
      continue
    }
    problems.push(...checkEntry(at, entry as Record<string, unknown>))
    if (problems.length === before) entries.set(key, copyEntry(entry as CatalogItem))
  }
  if (problems.length > 0) {
    throw new PayfectConfigurationError({
      message: `createCheckoutHandler: the catalog has ${problems.length === 1 ? 'a mistake' : `${problems.length} mistakes`}. ${problems.join(' ')}`,
    })
  }
  return entries
}

function checkEntry(at: string, entry: Record<string, unknown>): string[] {
  const problems: string[] = []
  const { name, unitAmount, currency, description, images } = entry
  if (typeof name !== 'string' || name.trim() === '') problems.push(`${at}.name must be a non-empty string; got ${describe(name)}.`)
  if (!isDecimalString(unitAmount)) {
    problems.push(
      `${at}.unitAmount must be a decimal string such as "20.50"${typeof unitAmount === 'number' ? ` (write '${unitAmount}' in quotes: money is never a float)` : ''}; got ${describe(unitAmount)}.`,
    )
  }
  if (typeof currency !== 'string' || !CURRENCY.test(currency)) {
    problems.push(`${at}.currency must be a lower-case currency code such as "usdt"; got ${describe(currency)}.`)
  }
  if (description !== undefined && typeof description !== 'string') problems.push(`${at}.description must be a string; got ${describe(description)}.`)
  if (images !== undefined && !(Array.isArray(images) && images.every(isWebUrl))) {
    problems.push(`${at}.images must be an array of absolute https: URLs; got ${describe(images)}.`)
  }
  for (const key of Object.keys(entry)) {
    if (ENTRY_KEYS.has(key)) continue
    const camel = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
    problems.push(`${at} has an unknown field \`${key}\`${ENTRY_KEYS.has(camel) ? `; did you mean \`${camel}\`?` : '.'}`)
  }
  return problems
}

function copyEntry(entry: CatalogItem): CatalogItem {
  const copy: CatalogItem = { name: entry.name, unitAmount: entry.unitAmount, currency: entry.currency }
  if (entry.description !== undefined) copy.description = entry.description
  if (entry.images !== undefined) copy.images = [...entry.images]
  return Object.freeze(copy)
}

function isWebUrl(value: unknown): boolean {
  return typeof value === 'string' && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 40)}…"` : JSON.stringify(value)
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value)
  return Array.isArray(value) ? 'an array' : `a value of type ${typeof value}`
}
