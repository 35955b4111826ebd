import type { Product } from '../catalog'
import { formatMoney } from './money'
import { ProductArt } from './product-art'

export interface ProductCardProps {
  product: Product
  /** How many are in the cart already. */
  inCart: number
  onAdd: (key: string) => void
  /** Adding is paused while an order is placed for the current cart. */
  disabled?: boolean
}

export function ProductCard({ product, inCart, onAdd, disabled }: ProductCardProps) {
  const titleId = `product-${product.key}`
  return (
    <li className="product-card">
      <article aria-labelledby={titleId}>
        <div className="product-card__art">
          <ProductArt id={product.key} art={product.art} />
          <span className="product-card__category">{product.category}</span>
          {inCart > 0 && <span className="product-card__in-cart">{inCart} in cart</span>}
        </div>
        <div className="product-card__body">
          <h3 id={titleId} className="product-card__name">
            {product.name}
          </h3>
          <p className="product-card__description">{product.description}</p>
          <div className="product-card__footer">
            <p className="product-card__price">{formatMoney(product.unitAmount, product.currency)}</p>
            <button
              type="button"
              className="button button--primary"
              onClick={() => onAdd(product.key)}
              disabled={disabled}
              aria-label={`Add ${product.name} to cart`}
            >
              <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
                <path d="M12 5v14M5 12h14" />
              </svg>
              Add
            </button>
          </div>
        </div>
      </article>
    </li>
  )
}
