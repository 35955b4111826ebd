import type { CreateCheckoutParams } from '@payfect/contract'

/**
 * The JSON body the browser POSTs to the route: what to buy, never what it costs.
 * @example { "items": [{ "price": "pro-plan", "quantity": 2 }], "clientReferenceId": "order_123" }
 */
export type CheckoutRequestBody = CreateCheckoutParams

/** An item after validation: the quantity is filled in and duplicates are merged. */
export interface RequestedItem {
  price: string
  quantity: number
}

/** The body after validation, as passed to the handler's callbacks. */
export interface ValidatedCheckoutBody {
  items: RequestedItem[]
  clientReferenceId?: string
}
