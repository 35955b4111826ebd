/** One line of the cart: a price id from the merchant's catalog and how many. */
export interface CheckoutItem {
  /** The price id the merchant's route knows (for example `'pro-plan'`). */
  price: string
  /**
   * A positive integer.
   * @defaultValue 1
   */
  quantity?: number
}

/** What the browser POSTs to the merchant's route. Never a price, an amount or a URL. */
export interface CreateCheckoutParams {
  /** At least one item; the route looks each price up in its catalog. */
  items: CheckoutItem[]
  /** The merchant's order id, echoed back by Payfect and in its callback. */
  clientReferenceId?: string
}

/**
 * A key that is equal for two requests buying the same thing (items in order, quantity
 * defaulting to 1, the same `clientReferenceId`) and different otherwise.
 */
export function createRequestKey(params: CreateCheckoutParams): string {
  const items = Array.isArray(params.items) ? params.items.map((item) => [item?.price, item?.quantity ?? 1]) : null
  return JSON.stringify([items, params.clientReferenceId ?? null])
}
