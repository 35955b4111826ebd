import type { Order, ShopInfo } from './api'
import { formatMoney } from './money'

const statusLabel: Record<Order['status'], string> = {
  pending: 'Pending',
  paid: 'Paid',
  expired: 'Expired',
}

const time = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', second: '2-digit' })

export interface OrdersViewProps {
  orders: Order[] | null
  shop: ShopInfo | null
  error: string | null
  /** The order just paid for, highlighted until the next one. */
  highlight: string | null
}

/** The shop's orders, as its server knows them: an order turns paid only when a verified callback arrives. */
export function OrdersView({ orders, shop, error, highlight }: OrdersViewProps) {
  return (
    <section className="orders" aria-labelledby="orders-title" id="orders">
      <div className="section-head">
        <div>
          <h2 id="orders-title" tabIndex={-1}>
            Orders
          </h2>
          <p className="muted">Live from the shop’s server. An order turns paid only when Payfect’s signed callback is verified.</p>
        </div>
        {shop?.dashboardUrl && (
          <a className="button button--ghost" href={shop.dashboardUrl} target="_blank" rel="noreferrer">
            Sandbox dashboard
            <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
              <path d="M14 5h5v5M19 5l-8 8M17 14v5H5V7h5" />
            </svg>
          </a>
        )}
      </div>
      {error && (
        <p role="alert" className="form-error">
          Could not load orders: {error}
        </p>
      )}
      {orders === null ? (
        <p className="muted">Loading orders…</p>
      ) : orders.length === 0 ? (
        <p className="orders__empty muted">No orders yet. Place one from the cart.</p>
      ) : (
        <ol className="orders__list">
          {orders.map((order) => (
            <li key={order.id} className="order" data-status={order.status} data-highlight={order.id === highlight || undefined} aria-labelledby={`order-${order.id}`}>
              <div className="order__head">
                <h3 id={`order-${order.id}`} className="order__id">
                  Order <code>{order.id}</code>
                </h3>
                <span className="status" data-status={order.status}>
                  <span className="status__dot" aria-hidden="true" />
                  {statusLabel[order.status]}
                </span>
              </div>
              <p className="order__items">{order.items.map((i) => `${i.quantity} × ${i.name}`).join(', ')}</p>
              <div className="order__foot">
                <span className="order__total">{formatMoney(order.amountTotal, order.currency)}</span>
                <span className="order__times muted">
                  Placed <time dateTime={order.createdAt}>{time.format(new Date(order.createdAt))}</time>
                  {order.paidAt && (
                    <>
                      {' · '}Paid <time dateTime={order.paidAt}>{time.format(new Date(order.paidAt))}</time>
                    </>
                  )}
                  {order.expiredAt && (
                    <>
                      {' · '}Expired <time dateTime={order.expiredAt}>{time.format(new Date(order.expiredAt))}</time>
                    </>
                  )}
                </span>
              </div>
              {order.problem && <p className="form-error">{order.problem}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
