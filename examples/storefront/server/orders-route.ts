import type { IncomingMessage, ServerResponse } from 'node:http'
import type { OrderStore } from './orders'
import { BodyError, readJson, sendError, sendJson } from './http-utils'
import { CartError, parseCart } from './parse-cart'

/** What the page shows about where payments go (never a key or secret). */
export interface ShopInfo {
  mode: 'sandbox' | 'live'
  /** The sandbox dashboard, in sandbox mode. */
  dashboardUrl: string | null
  /** Where hosted checkout pages live, for the provider to preconnect to. */
  checkoutOrigin: string
}

/**
 * `/api/orders`: `POST { items }` prices the cart from the catalog and returns the
 * new order (its `id` becomes the checkout's `clientReferenceId`); `GET` lists
 * orders newest first, which the Orders view polls.
 */
export function createOrdersRoute(orders: OrderStore, shop: ShopInfo) {
  return async function ordersRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET' || req.method === 'HEAD') {
      sendJson(res, 200, { orders: orders.list(), shop })
      return
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'GET, POST')
      sendError(res, 405, `${req.method} is not allowed on /api/orders; use GET to list or POST to create.`)
      return
    }
    try {
      const items = parseCart(await readJson(req))
      sendJson(res, 201, { order: orders.create(items) })
    } catch (error) {
      if (error instanceof BodyError) sendError(res, error.status, error.message)
      else if (error instanceof CartError) sendError(res, 400, error.message, error.fields)
      else throw error
    }
  }
}
