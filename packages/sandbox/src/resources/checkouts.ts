import { randomUUID } from 'node:crypto'
import type { Checkout } from '../api-types'
import { CURRENCIES, sameCurrency } from '../currencies'
import { rateFor } from '../quote'
import { HttpError } from '../http'
import type { Runtime } from '../runtime'
import { serializeCheckout } from '../serialize'
import type { CheckoutRecord, LineRecord, MerchantRecord } from '../types'
import { Form, isData, notADict, type Data } from '../validate'
import { lineCurrency, parseInvoiceItems, storeLines } from './invoice-items'
import { owned } from './owned'

export const PAYMENT_METHOD_TYPES = ['crypto', 'card'] as const

/** `POST /api/v1/checkouts/`: validates as the live API does, stores, answers with the full object. */
export function createCheckout(rt: Runtime, merchant: MerchantRecord, body: unknown): Checkout {
  if (!isData(body)) throw new HttpError(400, notADict(body))
  const form = new Form(body)
  const currency = form.string('currency', { required: true, choices: CURRENCIES })
  const pending = parseInvoiceItems(form, rt.store, merchant.id)
  const clientReferenceId = form.string('client_reference_id', { nullable: true, maxLength: 255 })
  const successUrl = form.url('success_url')
  const cancelUrl = form.url('cancel_url')
  const callbackUrl = form.url('callback_url')
  const types = form.list('payment_method_types', (v) =>
    typeof v === 'string' && (PAYMENT_METHOD_TYPES as readonly string[]).includes(v) ? undefined : `"${String(v)}" is not a valid choice.`,
  )
  readPaymentMethodData(form)
  if (!form.valid || !currency || !pending) throw new HttpError(400, form.errors)

  // Totalled in the items' currency when the checkout names another (the docs' CNY checkout of TWD items).
  const itemsCurrency = lineCurrency(pending[0]!, rt.store)
  const record = newCheckout(rt, merchant.id, storeLines(rt.store, merchant.id, pending), {
    currency: sameCurrency(currency, itemsCurrency) ? currency : itemsCurrency,
    requestedCurrency: currency,
    clientReferenceId: clientReferenceId ?? null,
    successUrl: successUrl ?? null,
    cancelUrl: cancelUrl ?? null,
    callbackUrl: callbackUrl ?? null,
    paymentMethodTypes: types ?? [...PAYMENT_METHOD_TYPES],
  })
  return serializeCheckout(rt.store, record, rt.origin)
}

/** `GET /api/v1/checkouts/{id}/`: another merchant's checkout is a 403, as Payfect's docs describe. */
export function retrieveCheckout(rt: Runtime, merchant: MerchantRecord, id: string): Checkout {
  const record = owned(rt.store.checkout(id), merchant)
  return serializeCheckout(rt.store, record, rt.origin)
}

/** Stores a new `open` checkout; payment links use it too. */
export function newCheckout(
  rt: Runtime,
  merchantId: string,
  lines: LineRecord[],
  fields: Pick<CheckoutRecord, 'currency' | 'clientReferenceId' | 'successUrl' | 'cancelUrl' | 'callbackUrl' | 'paymentMethodTypes'> &
    Partial<Pick<CheckoutRecord, 'requestedCurrency' | 'nameCollection' | 'emailCollection' | 'phoneNumberCollection' | 'shippingAddressCollection' | 'paymentLinkId'>>,
): CheckoutRecord {
  const now = rt.store.now()
  const record: CheckoutRecord = {
    id: randomUUID(),
    merchantId,
    lines,
    requestedCurrency: fields.currency,
    // The quote's rate is fixed when the checkout is made, as a real quote would be.
    rate: rateFor(fields.currency, rt.rates),
    status: 'open',
    createdAt: now,
    updatedAt: now,
    expiresAt: now + rt.ttlMs,
    paymentIntent: randomUUID(),
    nameCollection: false,
    emailCollection: false,
    phoneNumberCollection: false,
    shippingAddressCollection: null,
    paymentLinkId: null,
    cancelledAt: null,
    paidAt: null,
    paymentMethodId: null,
    ...fields,
  }
  rt.store.checkouts.set(record.id, record)
  return record
}

/** The networks and currencies Payfect's material sends in `paymentMethodDetail` (`usdt`, `TWD`, and `CNY` as a checkout currency), in any letter case. */
export const DETAIL_NETWORKS = ['tron'] as const
export const DETAIL_CURRENCIES = ['usdt', 'twd', 'cny'] as const

/**
 * `payment_method_data` is optional; when sent it is an object with a `type` and, as
 * in the docs' examples, an optional `paymentMethodDetail` of `{ currency, network }`.
 */
function readPaymentMethodData(form: Form): void {
  const value = form.data.payment_method_data
  if (value === undefined || value === null) return
  if (!isData(value)) {
    form.fail('payment_method_data', notADict(value))
    return
  }
  const inner = new Form(value as Data)
  inner.string('type', { required: true, choices: ['cryptopaymentmethoddetail'] })
  const detail = inner.data.paymentMethodDetail
  if (detail !== undefined && detail !== null) {
    if (!isData(detail)) inner.fail('paymentMethodDetail', notADict(detail))
    else {
      const fields = new Form(detail)
      fields.string('currency', { required: true, choices: DETAIL_CURRENCIES, ignoreCase: true })
      fields.string('network', { required: true, choices: DETAIL_NETWORKS, ignoreCase: true })
      if (!fields.valid) inner.fail('paymentMethodDetail', fields.errors)
    }
  }
  if (!inner.valid) form.fail('payment_method_data', inner.errors)
}
