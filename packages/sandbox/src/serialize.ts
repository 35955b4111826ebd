import type { CallbackEvent, Checkout, InvoiceItem, PaymentLink, PaymentMethodOptions, PriceData, ProductData } from './api-types'
import { addDecimals, formatDecimal, multiplyDecimal } from './decimal'
import type { Store } from './store'
import type { CheckoutRecord, LineRecord, PaymentLinkRecord, PriceRecord, ProductRecord } from './types'

/**
 * Records → the camelCase JSON the live API answers with, holding every key of
 * the documented example. Amounts are computed here, exactly, every time.
 */

/** Unix seconds with a 6-digit fraction, as a string: `"1690532072.288761"`. */
export function unixSeconds(ms: number): string {
  const micros = Math.floor(ms * 1000)
  const seconds = Math.floor(micros / 1_000_000)
  return `${seconds}.${String(micros - seconds * 1_000_000).padStart(6, '0')}`
}

const CRYPTO_OPTIONS: NonNullable<PaymentMethodOptions['crypto']> = [
  {
    currency: { value: 'usdt', name: 'Tether', logo: '/static/images/cryptos/usdt.png' },
    networks: [{ value: 'tron', name: 'Tron (TRC20)' }],
  },
]

export function serializeProduct(product: ProductRecord): ProductData {
  return { id: product.id, name: product.name, description: product.description, images: [...product.images] }
}

export function serializePrice(store: Store, price: PriceRecord): PriceData {
  const product = store.products.get(price.productId)
  if (!product) throw new Error(`Sandbox store: price ${price.id} has no product.`)
  return {
    id: price.id,
    product: product.id,
    productData: serializeProduct(product),
    currency: price.currency,
    unitAmount: price.unitAmount,
  }
}

function serializeLines(store: Store, lines: readonly LineRecord[]): { items: InvoiceItem[]; total: string } {
  const items = lines.map((line): InvoiceItem => {
    const price = store.prices.get(line.priceId)
    if (!price) throw new Error(`Sandbox store: invoice item ${line.id} has no price.`)
    return {
      id: line.id,
      price: price.id,
      priceData: serializePrice(store, price),
      quantity: line.quantity,
      amount: formatDecimal(multiplyDecimal(price.unitAmount, line.quantity), 2),
    }
  })
  return { items, total: formatDecimal(addDecimals(items.map((item) => item.amount)), 2) }
}

export function serializeCheckout(store: Store, record: CheckoutRecord, origin: string): Checkout {
  const merchant = store.merchant(record.merchantId)
  const { items, total } = serializeLines(store, record.lines)
  return {
    id: record.id,
    merchant: { id: merchant.id, name: merchant.name },
    nameCollection: record.nameCollection,
    emailCollection: record.emailCollection,
    phoneNumberCollection: record.phoneNumberCollection,
    shippingAddressCollection: record.shippingAddressCollection ? [...record.shippingAddressCollection] : null,
    invoiceItems: items,
    amountTotal: total,
    status: record.status,
    createdAt: unixSeconds(record.createdAt),
    updatedAt: unixSeconds(record.updatedAt),
    clientReferenceId: record.clientReferenceId,
    currency: record.currency,
    successUrl: record.successUrl,
    cancelUrl: record.cancelUrl,
    expiresAt: String(Math.floor(record.expiresAt)),
    paymentIntent: record.paymentIntent,
    paymentMethodTypes: [...record.paymentMethodTypes],
    paymentMethodOptions: {
      crypto: record.paymentMethodTypes.includes('crypto') ? structuredClone(CRYPTO_OPTIONS) : null,
      card: null,
    },
    url: `${origin}/checkouts/${record.id}`,
    metadata: null,
    isLivemode: false,
  }
}

export function serializePaymentLink(store: Store, link: PaymentLinkRecord, origin: string): PaymentLink {
  const merchant = store.merchant(link.merchantId)
  const { items, total } = serializeLines(store, link.lines)
  return {
    id: link.id,
    merchant: { id: merchant.id, name: merchant.name },
    url: `${origin}/payment-links/${link.id}`,
    invoiceItems: items,
    amountTotal: total,
    nameCollection: link.nameCollection,
    emailCollection: link.emailCollection,
    phoneNumberCollection: link.phoneNumberCollection,
    shippingAddressCollection: link.shippingAddressCollection ? [...link.shippingAddressCollection] : null,
    createdAt: unixSeconds(link.createdAt),
    isLivemode: false,
  }
}

/** The success callback body, snake_case, with exactly the documented keys in their order. */
export function callbackEvent(store: Store, record: CheckoutRecord): CallbackEvent {
  const { total } = serializeLines(store, record.lines)
  return {
    id: record.id,
    amount: total,
    status: 'succeeded',
    currency: record.currency,
    merchant: record.merchantId,
    is_livemode: false,
    payment_intent: record.paymentIntent,
    payment_method: {
      id: record.paymentMethodId ?? '',
      payment_method_detail: { network: 'tron', currency: record.currency },
    },
    client_reference_id: record.clientReferenceId,
  }
}
