import { randomUUID } from 'node:crypto'
import { HttpError } from '../http'
import type { Runtime } from '../runtime'
import { serializePaymentLink } from '../serialize'
import type { CheckoutRecord, MerchantRecord, PaymentLinkRecord } from '../types'
import { Form, isData, notADict } from '../validate'
import { newCheckout, PAYMENT_METHOD_TYPES } from './checkouts'
import { parseInvoiceItems, storeLines } from './invoice-items'
import { owned } from './owned'

type PaymentLinkJson = ReturnType<typeof serializePaymentLink>

/** `POST /api/v1/payment-links/`: invoice items plus what the page should collect from the shopper. */
export function createPaymentLink(rt: Runtime, merchant: MerchantRecord, body: unknown): PaymentLinkJson {
  if (!isData(body)) throw new HttpError(400, notADict(body))
  const form = new Form(body)
  const pending = parseInvoiceItems(form, rt.store, merchant.id)
  const nameCollection = form.boolean('name_collection')
  const emailCollection = form.boolean('email_collection')
  const phoneNumberCollection = form.boolean('phone_number_collection')
  const countries = form.list(
    'shipping_address_collection',
    (v) => (typeof v === 'string' && /^[A-Z]{2}$/.test(v) ? undefined : `"${String(v)}" is not a valid choice.`),
    { nullable: true },
  )
  if (!form.valid || !pending) throw new HttpError(400, form.errors)
  const link: PaymentLinkRecord = {
    id: randomUUID(),
    merchantId: merchant.id,
    lines: storeLines(rt.store, merchant.id, pending),
    nameCollection: nameCollection ?? false,
    emailCollection: emailCollection ?? false,
    phoneNumberCollection: phoneNumberCollection ?? false,
    shippingAddressCollection: countries ?? null,
    createdAt: rt.store.now(),
  }
  rt.store.paymentLinks.set(link.id, link)
  return serializePaymentLink(rt.store, link, rt.origin)
}

/** `GET /api/v1/payment-links/{id}/`. */
export function retrievePaymentLink(rt: Runtime, merchant: MerchantRecord, id: string): PaymentLinkJson {
  const link = owned(rt.store.paymentLinks.get(id), merchant)
  return serializePaymentLink(rt.store, link, rt.origin)
}

/** A shopper opening a payment link gets a fresh checkout of its items. */
export function checkoutFromPaymentLink(rt: Runtime, link: PaymentLinkRecord): CheckoutRecord {
  const first = link.lines[0] && rt.store.prices.get(link.lines[0].priceId)
  return newCheckout(rt, link.merchantId, link.lines.map((line) => ({ ...line, id: randomUUID() })), {
    currency: first?.currency ?? 'usdt',
    clientReferenceId: null,
    successUrl: null,
    cancelUrl: null,
    callbackUrl: null,
    paymentMethodTypes: [...PAYMENT_METHOD_TYPES],
    nameCollection: link.nameCollection,
    emailCollection: link.emailCollection,
    phoneNumberCollection: link.phoneNumberCollection,
    shippingAddressCollection: link.shippingAddressCollection,
    paymentLinkId: link.id,
  })
}
