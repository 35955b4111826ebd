import type { ReactNode } from 'react'
import { announce } from './announce'
import { formatMoney } from './money'
import type { Cart, CartRow } from './use-cart'

export interface CartPanelProps {
  cart: Cart
  /** The cart is frozen while an order is placed for it. */
  locked: boolean
  /** The checkout step, shown under the total. */
  children: ReactNode
}

export function CartPanel({ cart, locked, children }: CartPanelProps) {
  // The quantity itself is no live region (see announce.ts): say the change from here.
  const change = (row: CartRow, quantity: number) => {
    const next = Math.min(cart.maxQuantity, Math.max(0, quantity))
    cart.setQuantity(row.price, next)
    announce(next === 0 ? `${row.name} removed from the cart.` : `${row.name}: ${next} in the cart.`)
  }

  return (
    <aside className="cart" aria-labelledby="cart-title" id="cart">
      <div className="cart__header">
        <h2 id="cart-title">Cart</h2>
        <span className="pill">{cart.count === 1 ? '1 item' : `${cart.count} items`}</span>
      </div>
      {cart.rows.length === 0 ? (
        <div className="cart__empty">
          <svg viewBox="0 0 24 24" aria-hidden="true" className="icon icon--large">
            <path d="M3 4h2l2.2 10.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L20.5 8H6.2" />
            <circle cx="10" cy="20" r="1.2" />
            <circle cx="17" cy="20" r="1.2" />
          </svg>
          <p>Your cart is empty.</p>
          <p className="muted">Add something from the shop to try a crypto checkout.</p>
        </div>
      ) : (
        <>
          <ul className="cart__lines" aria-label="Items in cart">
            {cart.rows.map((row) => (
              <li key={row.price} className="cart-line">
                <div className="cart-line__info">
                  <span className="cart-line__name">{row.name}</span>
                  <span className="cart-line__unit muted">{formatMoney(row.unitAmount, row.currency)} each</span>
                </div>
                <fieldset className="stepper">
                  <legend className="visually-hidden">Quantity of {row.name}</legend>
                  <button
                    type="button"
                    className="stepper__button"
                    onClick={() => change(row, row.quantity - 1)}
                    disabled={locked}
                    aria-label={`Remove one ${row.name}`}
                  >
                    −
                  </button>
                  <span className="stepper__value">{row.quantity}</span>
                  <button
                    type="button"
                    className="stepper__button"
                    onClick={() => change(row, row.quantity + 1)}
                    disabled={locked || row.quantity >= cart.maxQuantity}
                    aria-label={`Add one ${row.name}`}
                  >
                    +
                  </button>
                </fieldset>
                <span className="cart-line__amount">{formatMoney(row.amount, row.currency)}</span>
                <button
                  type="button"
                  className="icon-button cart-line__remove"
                  onClick={() => change(row, 0)}
                  disabled={locked}
                  aria-label={`Remove ${row.name} from cart`}
                >
                  <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
                    <path d="M7 7l10 10M17 7L7 17" />
                  </svg>
                </button>
              </li>
            ))}
          </ul>
          <dl className="cart__total">
            <dt>Total</dt>
            <dd data-testid="cart-total">{cart.total}</dd>
          </dl>
          {children}
        </>
      )}
    </aside>
  )
}
