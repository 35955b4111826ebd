import type { CurrencyCode, InvoiceItemParams } from '../types'
import { refusal } from './refusal'

/**
 * The one currency of a checkout: that of its inline prices, or `fallback` when
 * all items are stored Payfect prices (whose currency Payfect knows). Items priced
 * in different currencies refuse the request (400): a checkout is paid in one.
 */
export function checkoutCurrency(items: InvoiceItemParams[], fallback: CurrencyCode): CurrencyCode {
  const currencies = new Set<string>()
  for (const item of items) if (item.price_data) currencies.add(item.price_data.currency)
  if (currencies.size > 1) {
    const mixed = `mixes currencies: ${[...currencies].join(', ')}.`
    throw refusal('mixed_currencies', `The cart ${mixed} Check out each currency separately.`, { items: [mixed] })
  }
  return currencies.values().next().value ?? fallback
}
