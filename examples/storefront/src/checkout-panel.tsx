import { CheckoutButton, type Checkout } from '@payfect/react'
import { useRef, useState } from 'react'
import { createOrder, type Order } from './api'
import { formatMoney } from './money'
import { ModeSwitch, type CheckoutMode } from './mode-switch'
import type { Cart } from './use-cart'

export interface CheckoutPanelProps {
  cart: Cart
  /** The order placed for the current cart, once the shopper placed it. */
  order: Order | null
  onOrderPlaced: (order: Order) => void
  onEditCart: () => void
  mode: CheckoutMode
  onModeChange: (mode: CheckoutMode) => void
  onSuccess: (checkout: Checkout, order: Order) => void
  onCancel: (order: Order) => void
  onExpire: (order: Order) => void
  /** Paid, but the route still waits for confirmations: not an error. */
  onPending: (order: Order) => void
  /** The shopper opened Payfect's checkout (`true`) or it ended in any way (`false`). */
  onActiveChange: (active: boolean) => void
}

/**
 * Two steps, as in most shops: placing the order prices the cart on the server
 * and gives the order id; paying opens Payfect's checkout with that id as
 * `clientReferenceId`, so the verified callback can mark this very order paid.
 */
export function CheckoutPanel(props: CheckoutPanelProps) {
  const { cart, order, mode } = props
  const [placing, setPlacing] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // The button a keyboard user pressed disappears when the step changes: focus its successor.
  const moveFocus = useRef(false)
  const focusOnMount = (element: HTMLButtonElement | null) => {
    if (element && moveFocus.current) {
      moveFocus.current = false
      element.focus()
    }
  }

  async function placeOrder() {
    setPlacing(true)
    setError(null)
    try {
      const placed = await createOrder(cart.lines)
      moveFocus.current = true
      props.onOrderPlaced(placed)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setPlacing(false)
    }
  }

  return (
    <section className="checkout" aria-labelledby="checkout-title">
      <h3 id="checkout-title" className="visually-hidden">
        Checkout
      </h3>
      <ModeSwitch value={mode} onChange={props.onModeChange} />
      {order ? (
        <>
          <div className="checkout__order">
            <p>
              Order <code className="order-id">{order.id}</code> placed
            </p>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                moveFocus.current = true
                props.onEditCart()
              }}
            >
              Edit cart
            </button>
          </div>
          <CheckoutButton
            ref={focusOnMount}
            className="checkout__pay"
            items={order.items.map(({ price, quantity }) => ({ price, quantity }))}
            clientReferenceId={order.id}
            mode={mode}
            onClick={() => props.onActiveChange(true)}
            onSuccess={(checkout) => {
              props.onActiveChange(false)
              props.onSuccess(checkout, order)
            }}
            onCancel={() => {
              props.onActiveChange(false)
              props.onCancel(order)
            }}
            onExpire={() => {
              props.onActiveChange(false)
              props.onExpire(order)
            }}
            onPending={() => {
              props.onActiveChange(false)
              props.onPending(order)
            }}
            onClose={() => props.onActiveChange(false)}
            onError={() => props.onActiveChange(false)}
          >
            Pay {formatMoney(order.amountTotal, order.currency)}
          </CheckoutButton>
        </>
      ) : (
        <button
          ref={focusOnMount}
          type="button"
          className="button button--primary button--block"
          onClick={placeOrder}
          disabled={placing}
          aria-busy={placing}
        >
          {placing ? 'Placing order…' : 'Place order'}
        </button>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <p className="checkout__note">
        <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
          <rect x="5" y="10.5" width="14" height="10" rx="2" />
          <path d="M8 10.5V8a4 4 0 0 1 8 0v2.5" />
        </svg>
        Paid with USDT on Tron through Payfect. The shop never sees a key or wallet.
      </p>
    </section>
  )
}
