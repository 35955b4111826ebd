import { useEffect, useState } from 'react'

/**
 * On narrow screens the cart sits below the products: a bar at the bottom shows
 * its total and jumps to it, hidden while the cart itself is on screen.
 */
export function CartBar({ count, total }: { count: number; total: string }) {
  const [cartVisible, setCartVisible] = useState(false)

  useEffect(() => {
    const cart = document.getElementById('cart')
    if (!cart || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver(([entry]) => setCartVisible(entry?.isIntersecting ?? false))
    observer.observe(cart)
    return () => observer.disconnect()
  }, [])

  if (count === 0 || cartVisible) return null
  return (
    <nav className="cart-bar" aria-label="Cart summary">
      <a className="cart-bar__link" href="#cart">
        <span className="cart-bar__count">{count === 1 ? '1 item' : `${count} items`}</span>
        <span className="cart-bar__total">{total}</span>
        <span className="cart-bar__cta">
          View cart
          <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
            <path d="M5 12h14M13 6l6 6-6 6" />
          </svg>
        </span>
      </a>
    </nav>
  )
}
