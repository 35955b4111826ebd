import type {
  CheckoutRecord,
  Delivery,
  MerchantRecord,
  PaymentLinkRecord,
  PriceRecord,
  ProductRecord,
} from './types'

/**
 * The sandbox's memory: every resource by id, and the callback deliveries of
 * each checkout. Expiry is applied lazily whenever a checkout is read, so a
 * caller never sees an `open` checkout whose time is up.
 */
export class Store {
  readonly merchants: readonly MerchantRecord[]
  readonly products = new Map<string, ProductRecord>()
  readonly prices = new Map<string, PriceRecord>()
  readonly checkouts = new Map<string, CheckoutRecord>()
  readonly paymentLinks = new Map<string, PaymentLinkRecord>()
  readonly deliveries = new Map<string, Delivery[]>()

  constructor(
    merchants: readonly MerchantRecord[],
    readonly now: () => number,
  ) {
    this.merchants = merchants
  }

  merchant(id: string): MerchantRecord {
    const merchant = this.merchants.find((m) => m.id === id)
    if (!merchant) throw new Error(`Sandbox store: no merchant ${id}.`)
    return merchant
  }

  /** A checkout by id with its expiry applied; `merchantId` limits it to one merchant's. */
  checkout(id: string, merchantId?: string): CheckoutRecord | undefined {
    const record = this.checkouts.get(id)
    if (!record || (merchantId !== undefined && record.merchantId !== merchantId)) return undefined
    this.applyExpiry(record)
    return record
  }

  /** Every checkout, newest first, with expiry applied. */
  allCheckouts(): CheckoutRecord[] {
    const list = [...this.checkouts.values()]
    for (const record of list) this.applyExpiry(record)
    return list.reverse()
  }

  /** Moves every due `open` checkout to `expired`; the sweep timer calls this. */
  expireDue(): void {
    for (const record of this.checkouts.values()) this.applyExpiry(record)
  }

  price(id: string, merchantId: string): PriceRecord | undefined {
    const price = this.prices.get(id)
    return price && price.merchantId === merchantId ? price : undefined
  }

  product(id: string, merchantId: string): ProductRecord | undefined {
    const product = this.products.get(id)
    return product && product.merchantId === merchantId ? product : undefined
  }

  paymentLink(id: string, merchantId?: string): PaymentLinkRecord | undefined {
    const link = this.paymentLinks.get(id)
    return link && (merchantId === undefined || link.merchantId === merchantId) ? link : undefined
  }

  deliveriesOf(checkoutId: string): Delivery[] {
    return this.deliveries.get(checkoutId) ?? []
  }

  /** A recorded delivery by id, for a replay. */
  delivery(id: string): Delivery | undefined {
    for (const list of this.deliveries.values()) {
      const found = list.find((d) => d.id === id)
      if (found) return found
    }
    return undefined
  }

  recordDelivery(delivery: Delivery): void {
    const list = this.deliveries.get(delivery.checkoutId) ?? []
    list.push(delivery)
    this.deliveries.set(delivery.checkoutId, list)
  }

  private applyExpiry(record: CheckoutRecord): void {
    if (record.status === 'open' && this.now() >= record.expiresAt) {
      record.status = 'expired'
      // The checkout expired at its deadline, not whenever someone happened to look.
      record.updatedAt = record.expiresAt
    }
  }
}
