import { PayfectProvider, useCheckoutReturn, type Checkout } from '@payfect/react'
import { useCallback, useRef, useState } from 'react'
import { products } from '../catalog'
import type { Order } from './api'
import { CartBar } from './cart-bar'
import { CartPanel } from './cart-panel'
import { CheckoutPanel } from './checkout-panel'
import { ORDER_KEY, type CheckoutReturn } from './checkout-return'
import type { CheckoutMode } from './mode-switch'
import { formatMoney } from './money'
import { OrdersView } from './orders-view'
import { ProductCard } from './product-card'
import { SiteHeader } from './site-header'
import { Toasts, type ToastMessage } from './toast'
import { useCart } from './use-cart'
import { useOrders } from './use-orders'
import { usePersistentState } from './use-persistent-state'
import { useTheme } from './use-theme'

/** An order placed for a cart; it stands only while the cart is unchanged. */
interface PlacedOrder {
  order: Order
  cartSignature: string
}

export function App({ returned }: { returned: CheckoutReturn | null }) {
  const cart = useCart()
  const { theme, toggle } = useTheme()
  const [mode, setMode] = usePersistentState<CheckoutMode>('payfect-demo:mode', 'modal', (v) => v === 'modal' || v === 'redirect' || v === 'popup')
  const [placed, setPlaced] = usePersistentState<PlacedOrder | null>(ORDER_KEY, null, (v) => v === null || typeof v === 'object')
  const [highlight, setHighlight] = useState<string | null>(returned?.outcome === 'success' ? returned.orderId : null)
  const [toasts, setToasts] = useState<ToastMessage[]>(() => (returned ? [returnToast(returned)] : []))
  const nextToast = useRef(toasts.length)

  const order = placed && placed.cartSignature === cart.signature ? placed.order : null

  const notify = useCallback((toast: Omit<ToastMessage, 'id'>) => {
    const id = ++nextToast.current
    setToasts((current) => [...current.slice(-2), { ...toast, id }])
  }, [])
  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((t) => t.id !== id)), [])

  // The order whose cart was last cleared: the orders poll and a checkout's onSuccess can
  // both report the same payment (the shopper closed the modal after paying), toast it once.
  const finished = useRef<string | null>(null)
  const finish = (orderId: string, toast: Omit<ToastMessage, 'id'>) => {
    if (finished.current === orderId) return
    finished.current = orderId
    notify(toast)
    cart.clear()
    setPlaced(null)
    setHighlight(orderId)
  }

  // Paid some other way (the sandbox dashboard, another tab): the cart is done. Not while a
  // checkout is open or starting here, though: clearing the cart unmounts the CheckoutButton,
  // and with it the modal or popup, so its onSuccess could never run. That checkout's own
  // outcome finishes the order; the poll does only once the checkout UI has settled.
  const [checkoutActive, setCheckoutActive] = useState(false)
  const { orders, shop, error, refresh } = useOrders(1500, (list) => {
    if (!checkoutActive && order && list.some((o) => o.id === order.id && o.status === 'paid')) {
      const focusWasOnCart = !!document.activeElement?.closest('#cart')
      finish(order.id, { tone: 'success', title: 'Order paid', body: `Order ${order.id} was paid.` })
      // The Pay button a keyboard user was on is gone: go to where the order shows as paid.
      if (focusWasOnCart) requestAnimationFrame(() => document.getElementById('orders-title')?.focus())
    }
  })

  const onSuccess = (checkout: Checkout, paid: Order) => {
    finish(paid.id, {
      tone: 'success',
      title: 'Payment complete',
      body: `${formatMoney(checkout.amountTotal, checkout.currency)} for order ${paid.id}. Watch it turn paid under Orders once the signed callback is verified.`,
    })
    refresh()
    // The Pay button is gone with the cart; take the shopper to where the order turns paid.
    requestAnimationFrame(() => document.getElementById('orders-title')?.focus())
  }

  const quantityOf = (key: string) => cart.lines.find((l) => l.price === key)?.quantity ?? 0

  return (
    <PayfectProvider endpoint="/api/payfect/checkouts" checkoutOrigin={shop?.checkoutOrigin}>
      <a className="skip-link" href="#products">
        Skip to products
      </a>
      <SiteHeader cartCount={cart.count} shop={shop} theme={theme} onToggleTheme={toggle} />
      <ReturnConfirmation
        onPaid={(checkout) =>
          notify({ tone: 'success', title: 'Payment confirmed', body: `${formatMoney(checkout.amountTotal, checkout.currency)}${checkout.clientReferenceId ? ` for order ${checkout.clientReferenceId}` : ''}.` })
        }
      />
      <main className="page">
        <section className="hero" aria-labelledby="hero-title">
          <p className="hero__eyebrow">@payfect/react demo</p>
          <h1 id="hero-title">Goods for people who ship.</h1>
          <p className="hero__lead">
            Pay in USDT without leaving the page. {shop?.mode === 'live' ? 'This shop talks to the live Payfect API.' : 'Everything runs on your machine: the shop, a Payfect sandbox and its signed callbacks — no wallet, no real money.'}
          </p>
        </section>
        <div className="layout">
          <section className="products" aria-labelledby="products-title" id="products">
            <div className="section-head">
              <h2 id="products-title">Products</h2>
              <p className="muted">{products.length} items · prices in USDT</p>
            </div>
            <ul className="product-grid">
              {products.map((product) => (
                <ProductCard key={product.key} product={product} inCart={quantityOf(product.key)} onAdd={cart.add} disabled={order !== null} />
              ))}
            </ul>
          </section>
          <CartPanel cart={cart} locked={order !== null}>
            <CheckoutPanel
              cart={cart}
              order={order}
              onOrderPlaced={(o) => setPlaced({ order: o, cartSignature: cart.signature })}
              onEditCart={() => setPlaced(null)}
              mode={mode}
              onModeChange={setMode}
              onSuccess={onSuccess}
              onCancel={() => notify({ tone: 'info', title: 'Checkout cancelled', body: 'No payment was taken; your order stays open, so Pay picks up where you left off.' })}
              onPending={(o) => notify({ tone: 'info', title: 'Payment confirming', body: `Order ${o.id} turns paid once the network confirms the payment.` })}
              onActiveChange={setCheckoutActive}
              onExpire={(o) => notify({ tone: 'warning', title: 'Checkout expired', body: `The payment window for order ${o.id} closed. Pay again to start a new one.` })}
            />
          </CartPanel>
        </div>
        <OrdersView orders={orders} shop={shop} error={error} highlight={highlight} />
      </main>
      <footer className="site-footer">
        <p>
          A demo of <code>@payfect/react</code> and <code>@payfect/server</code>. Prices are set on the server; the browser only names what it buys.
        </p>
      </footer>
      <CartBar count={cart.count} total={cart.total} />
      <Toasts toasts={toasts} onDismiss={dismiss} />
    </PayfectProvider>
  )
}

/** Back from a redirect: the route, not the URL, says whether the checkout was paid. */
function ReturnConfirmation({ onPaid }: { onPaid: (checkout: Checkout) => void }) {
  useCheckoutReturn({ onSuccess: onPaid })
  return null
}

function returnToast({ outcome, orderId }: CheckoutReturn): ToastMessage {
  return outcome === 'success'
    ? { id: 0, tone: 'success', title: 'Payment sent', body: orderId ? `Order ${orderId} turns paid once Payfect’s signed callback arrives.` : undefined }
    : { id: 0, tone: 'info', title: 'Checkout cancelled', body: 'No payment was taken; your cart is still here.' }
}
