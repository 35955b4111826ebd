/** One line of the cart as the browser sends it: a price key and how many. */
export interface CheckoutRequestItem {
  /** A key of the server's `catalog` or, with `allowPriceIds`, a Payfect price id. */
  price: string
  /**
   * A whole number from 1 to 10000.
   *
   * @defaultValue 1
   */
  quantity?: number
}

/**
 * The JSON body the browser POSTs to the route handler. It names what to buy,
 * never what it costs: amounts come from the server's catalog or from Payfect.
 *
 * @example
 * { "items": [{ "price": "pro-plan", "quantity": 2 }], "clientReferenceId": "order_123" }
 */
export interface CheckoutRequestBody {
  /** 1 to 100 items. The same `price` twice is merged into one item with the quantities added. */
  items: CheckoutRequestItem[]
  /**
   * The merchant's order id, 1–200 characters of `A-Z a-z 0-9 _ . : -`. It is chosen by
   * whoever sends the request; prefer the handler's `clientReferenceId` option to set it server-side.
   */
  clientReferenceId?: string
}

/** An item after validation: the quantity is filled in and duplicates are merged. */
export interface RequestedItem {
  price: string
  quantity: number
}

/** The body after validation, as passed to the handler's callbacks. */
export interface ValidatedCheckoutBody extends CheckoutRequestBody {
  items: RequestedItem[]
}
