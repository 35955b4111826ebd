import { randomUUID } from 'node:crypto'
import type { Checkout } from '../api-types'
import { HttpError, notFound } from '../http'
import type { Runtime } from '../runtime'
import { serializeCheckout } from '../serialize'
import type { CheckoutRecord, LineRecord, MerchantRecord } from '../types'
import { Form, isData, notADict, type Data } from '../validate'
import { CURRENCIES, parseInvoiceItems, storeLines } from './invoice-items'

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

  const record = newCheckout(rt, merchant.id, storeLines(rt.store, merchant.id, pending), {
    currency,
    clientReferenceId: clientReferenceId ?? null,
    successUrl: successUrl ?? null,
    cancelUrl: cancelUrl ?? null,
    callbackUrl: callbackUrl ?? null,
    paymentMethodTypes: types ?? [...PAYMENT_METHOD_TYPES],
  })
  return serializeCheckout(rt.store, record, rt.origin)
}

/** `GET /api/v1/checkouts/{id}/`: another merchant's checkout is "Not found.", as on Payfect. */
export function retrieveCheckout(rt: Runtime, merchant: MerchantRecord, id: string): Checkout {
  const record = rt.store.checkout(id, merchant.id)
  if (!record) throw notFound()
  return serializeCheckout(rt.store, record, rt.origin)
}

/** Stores a new `open` checkout; payment links use it too. */
export function newCheckout(
  rt: Runtime,
  merchantId: string,
  lines: LineRecord[],
  fields: Pick<CheckoutRecord, 'currency' | 'clientReferenceId' | 'successUrl' | 'cancelUrl' | 'callbackUrl' | 'paymentMethodTypes'> &
    Partial<Pick<CheckoutRecord, 'nameCollection' | 'emailCollection' | 'phoneNumberCollection' | 'shippingAddressCollection' | 'paymentLinkId'>>,
): CheckoutRecord {
  const now = rt.store.now()
  const record: CheckoutRecord = {
    id: randomUUID(),
    merchantId,
    lines,
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
    canceledAt: null,
    paidAt: null,
    paymentMethodId: null,
    ...fields,
  }
  rt.store.checkouts.set(record.id, record)
  return record
}

/** `payment_method_data` is optional; when sent it must be an object with a `type`. */
function readPaymentMethodData(form: Form): void {
  const value = form.data.payment_method_data
  if (value === undefined || value === null) return
  if (!isData(value)) {
    form.fail('payment_method_data', notADict(value))
    return
  }
  const inner = new Form(value as Data)
  inner.string('type', { required: true, choices: ['cryptopaymentmethoddetail'] })
  if (!inner.valid) form.fail('payment_method_data', inner.errors)
}
