import { describeFields, type FieldErrors } from '../errors'
import type { InvoiceItemParams } from '../types'
import type { CatalogItem } from './catalog'
import type { RequestedItem } from './checkout-request-body'
import { isPayfectId } from './checkout-id'
import { refusal } from './refusal'

/**
 * Turns the browser's price keys into invoice items: a catalog key becomes
 * `price_data` with the catalog's amount; with `allowPriceIds`, anything else that
 * looks like an id is sent as a Payfect price id. Unknown keys refuse the request (400).
 */
export function catalogInvoiceItems(
  items: RequestedItem[],
  positions: number[],
  catalog: ReadonlyMap<string, CatalogItem>,
  allowPriceIds: boolean,
): InvoiceItemParams[] {
  const fields: FieldErrors = {}
  const out = items.map((item, i): InvoiceItemParams => {
    const entry = catalog.get(item.price)
    if (entry) {
      const { name, description, images } = entry
      return {
        price_data: { currency: entry.currency, unit_amount: entry.unitAmount, product_data: images ? { name, description, images: [...images] } : { name, description } },
        quantity: item.quantity,
      }
    }
    if (!allowPriceIds || !isPayfectId(item.price)) {
      fields[`items[${positions[i] ?? i}].price`] = [`is not a key of the server's catalog${allowPriceIds ? ' nor a Payfect price id' : ''}.`]
    }
    return { price: item.price, quantity: item.quantity }
  })
  if (Object.keys(fields).length > 0) throw refusal('unknown_price', `Unknown price (${describeFields(fields)}); use a key the server sells.`, fields)
  return out
}
