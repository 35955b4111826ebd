import type { CurrencyCode, InvoiceItemParams } from '../types'
import { refusal } from './refusal'

/**
 * The one currency of a checkout: that of its inline prices (as the first spells it:
 * `TWD` and `twd` are one currency), or `fallback` when all items are stored Payfect
 * prices (whose currency Payfect knows). Items priced in different currencies refuse
 * the request (400): a checkout is paid in one.
 */
export function checkoutCurrency(items: InvoiceItemParams[], fallback: CurrencyCode): CurrencyCode {
  const currencies = new Map<string, string>()
  for (const item of items) {
    const currency = item.price_data?.currency
    if (currency !== undefined && !currencies.has(currency.toLowerCase())) currencies.set(currency.toLowerCase(), currency)
  }
  if (currencies.size > 1) {
    const mixed = `mixes currencies: ${[...currencies.values()].join(', ')}.`
    throw refusal('mixed_currencies', `The cart ${mixed} Check out each currency separately.`, { items: [mixed] })
  }
  return currencies.values().next().value ?? fallback
}
