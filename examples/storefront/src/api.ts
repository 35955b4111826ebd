/** The shop's own API (not Payfect's): orders are created and listed here. */

export type OrderStatus = 'pending' | 'paid' | 'expired'

export interface OrderLine {
  price: string
  name: string
  quantity: number
  unitAmount: string
  amount: string
}

export interface Order {
  id: string
  status: OrderStatus
  items: OrderLine[]
  amountTotal: string
  currency: string
  createdAt: string
  paidAt: string | null
  expiredAt: string | null
  checkoutIds: string[]
  checkoutExpiresAt: string | null
  problem: string | null
}

export interface ShopInfo {
  mode: 'sandbox' | 'live'
  dashboardUrl: string | null
  checkoutOrigin: string
}

export interface CartLine {
  price: string
  quantity: number
}

async function readJson<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null
  if (!response.ok || body === null) {
    throw new Error(body?.error?.message ?? `The shop answered ${response.status}.`)
  }
  return body
}

/** Prices the cart on the server and returns the new order; its id is the checkout's clientReferenceId. */
export async function createOrder(items: readonly CartLine[]): Promise<Order> {
  const response = await fetch('/api/orders', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items }),
  })
  return (await readJson<{ order: Order }>(response)).order
}

export async function listOrders(signal?: AbortSignal): Promise<{ orders: Order[]; shop: ShopInfo }> {
  const response = await fetch('/api/orders', { signal, headers: { accept: 'application/json' } })
  return readJson(response)
}
