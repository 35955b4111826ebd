import { CheckoutButton, type CheckoutButtonProps } from '@payfect/react'
import { useState } from 'react'
import './storefront.css'

/** A merchant's product card with a `CheckoutButton`, as a storefront would render it. */
export function ProductCard(props: Partial<CheckoutButtonProps>) {
  const [log, setLog] = useState('')
  return (
    <article className="store-card" aria-labelledby="product-name">
      <div className="store-card__art" aria-hidden="true">
        <svg width="64" height="64" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
          <path d="M12 2 3 7l9 5 9-5-9-5Z" />
          <path d="m3 17 9 5 9-5M3 12l9 5 9-5" />
        </svg>
      </div>
      <h2 className="store-card__name" id="product-name">
        Pro plan
      </h2>
      <p className="store-card__text">Unlimited projects, priority support and early features. Billed monthly, cancel any time.</p>
      <p className="store-card__price">
        20.50 <small>USDT / month</small>
      </p>
      <CheckoutButton
        items={[{ price: 'pro-plan' }]}
        clientReferenceId="order_42"
        {...props}
        onSuccess={(checkout) => {
          setLog(`Order paid: ${checkout.id}`)
          props.onSuccess?.(checkout)
        }}
        onCancel={(checkout) => {
          setLog('Payment cancelled; your cart is saved.')
          props.onCancel?.(checkout)
        }}
      />
      <p className="store-card__log" aria-live="polite">
        {log}
      </p>
    </article>
  )
}
