/**
 * Back from the hosted page in redirect mode, the URL carries `?checkout=success`
 * or `?checkout=cancel` (the return pages send the shopper here). Read once,
 * before React mounts, and removed from the address bar.
 */

export const CART_KEY = 'payfect-demo:cart'
export const ORDER_KEY = 'payfect-demo:order'

export interface CheckoutReturn {
  outcome: 'success' | 'cancel'
  /** The order the shopper was paying for, if the page still knew it. */
  orderId: string | null
}

export function takeCheckoutReturn(): CheckoutReturn | null {
  const params = new URLSearchParams(location.search)
  const outcome = params.get('checkout')
  if (outcome !== 'success' && outcome !== 'cancel') return null
  params.delete('checkout')
  const query = params.toString()
  history.replaceState(history.state, '', location.pathname + (query ? `?${query}` : '') + location.hash)

  let orderId: string | null = null
  try {
    orderId = (JSON.parse(localStorage.getItem(ORDER_KEY) ?? 'null') as { order?: { id?: string } } | null)?.order?.id ?? null
    // Paid: the cart is done with. Cancelled: it stays, with its order, for another try.
    if (outcome === 'success') {
      localStorage.removeItem(CART_KEY)
      localStorage.removeItem(ORDER_KEY)
    }
  } catch {
    // Storage unavailable: nothing was kept to clear.
  }
  return { outcome, orderId }
}
