import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Checkout } from '@payfect/server'
import type { OrderStore } from './orders'
import { ensureSession, sessionOf } from './session'
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
 * `/api/orders`: `POST { items }` prices the cart from the catalog and returns the new order
 * (its `id` becomes the checkout's `clientReferenceId`); `GET` lists the caller's own orders,
 * newest first, after reading back from Payfect any whose checkout should have run out.
 * Orders belong to the browser session (a cookie) that placed them.
 */
export function createOrdersRoute(orders: OrderStore, shop: ShopInfo, retrieve: (checkoutId: string) => Promise<Checkout>) {
  return async function ordersRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const owner = sessionOf(req.headers)
      if (owner) await orders.reconcile(retrieve, { owner })
      sendJson(res, 200, { orders: owner ? orders.list(owner).map(({ owner: _owner, paidBy: _paidBy, ...order }) => order) : [], shop })
      return
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'GET, POST')
      sendError(res, 405, `${req.method} is not allowed on /api/orders; use GET to list or POST to create.`)
      return
    }
    try {
      const items = parseCart(await readJson(req))
      const { owner: _owner, ...order } = orders.create(items, ensureSession(req, res))
      sendJson(res, 201, { order })
    } catch (error) {
      if (error instanceof BodyError) sendError(res, error.status, error.message)
      else if (error instanceof CartError) sendError(res, 400, error.message, error.fields)
      else throw error
    }
  }
}
