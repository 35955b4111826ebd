import type { ShopInfo } from './api'
import type { Theme } from './use-theme'

export interface SiteHeaderProps {
  cartCount: number
  shop: ShopInfo | null
  theme: Theme
  onToggleTheme: () => void
}

export function SiteHeader({ cartCount, shop, theme, onToggleTheme }: SiteHeaderProps) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a className="brand" href="/" aria-label="Payfect Demo Shop, home">
          <svg viewBox="0 0 32 32" aria-hidden="true" className="brand__mark">
            <defs>
              <linearGradient id="brand-g" x1="0" y1="0" x2="1" y2="1">
                <stop offset="0" stopColor="#7c6cff" />
                <stop offset="1" stopColor="#22c3a6" />
              </linearGradient>
            </defs>
            <rect width="32" height="32" rx="9" fill="url(#brand-g)" />
            <path d="M11 23V9h6.5a4.5 4.5 0 0 1 0 9H11" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span className="brand__name">
            Payfect <span className="brand__sub">Demo Shop</span>
          </span>
        </a>
        <nav aria-label="Main" className="site-nav">
          <a href="#products">Shop</a>
          <a href="#orders">Orders</a>
        </nav>
        <div className="site-header__actions">
          {shop && (
            <span className="mode-badge" data-mode={shop.mode} title={shop.mode === 'sandbox' ? 'Payments go to the local Payfect sandbox' : 'Payments go to the live Payfect API'}>
              {shop.mode === 'sandbox' ? 'Sandbox' : 'Live'}
            </span>
          )}
          <button type="button" className="icon-button" onClick={onToggleTheme} aria-pressed={theme === 'dark'} aria-label="Dark theme">
            <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
              {theme === 'dark' ? (
                <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z" />
              ) : (
                <>
                  <circle cx="12" cy="12" r="4" />
                  <path d="M12 2.5v2M12 19.5v2M4.6 4.6l1.4 1.4M18 18l1.4 1.4M2.5 12h2M19.5 12h2M4.6 19.4L6 18M18 6l1.4-1.4" />
                </>
              )}
            </svg>
          </button>
          <a className="cart-link" href="#cart" aria-label={`Cart, ${cartCount} ${cartCount === 1 ? 'item' : 'items'}`}>
            <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
              <path d="M3 4h2l2.2 10.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L20.5 8H6.2" />
              <circle cx="10" cy="20" r="1.2" />
              <circle cx="17" cy="20" r="1.2" />
            </svg>
            {cartCount > 0 && <span className="cart-link__count">{cartCount}</span>}
          </a>
        </div>
      </div>
    </header>
  )
}
