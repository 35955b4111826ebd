/**
 * The examples of the two API pages, verbatim: `seed-create-checkout.md` (the
 * original "Create a Checkout" page, whose sample has trailing commas) and
 * `payfect-api.md` (the later, fuller facts).
 */

/** The seed page's "Example Request Body", exactly as published (not valid JSON). */
export const SEED_REQUEST_BODY = `{
    "currency": "usdt",
    "invoice_items": [{
        "price_data": {
            "product_data": {
                "name": "Standard Plan",
                "description": "A standard plan",
                "images": [
                    "https://google.com.tw/images/123"
                ],
            },
            "currency": "usdt",
            "unit_amount": "20.5",
        },
        "quantity": 1,
    }],
    "success_url": "https://example.com/success",
    "cancel_url": "https://example.com/cancel"
}`

/** The same body with its trailing commas removed. */
export const SEED_REQUEST_BODY_FIXED = SEED_REQUEST_BODY.replace(/,(\s*[}\]])/g, '$1')

/** The seed page's documented response. */
export const SEED_RESPONSE = {
  id: 'ed8d24aa-a860-426b-8e56-87cb9f55a081',
  merchant: { id: 'bf065cc8-343d-4419-be7d-ed2190f1df4d', name: '頑碼資訊有限公司3' },
  nameCollection: false,
  emailCollection: false,
  phoneNumberCollection: false,
  shippingAddressCollection: null,
  invoiceItems: [
    {
      id: 'ee05d205-e4cc-42bd-8897-03c92674c57a',
      price: '3bababfe-5ba8-4afb-84ca-d62c6933704b',
      priceData: {
        id: '3bababfe-5ba8-4afb-84ca-d62c6933704b',
        product: 'c1c1510d-afa8-40af-a47e-5b0f89316995',
        productData: { id: 'c1c1510d-afa8-40af-a47e-5b0f89316995', name: 'Standard Plan', description: null, images: [] },
        currency: 'usdt',
        unitAmount: '20.00',
      },
      quantity: 1,
      amount: '20.00',
    },
  ],
  amountTotal: '20.00',
  status: 'open',
  createdAt: '1690532072.288761',
  updatedAt: '1690532073.498443',
  clientReferenceId: null,
  currency: 'usdt',
  successUrl: 'https://example.com/success',
  cancelUrl: 'https://example.com/cancel',
  expiresAt: '2023-07-29T08:14:32.288761Z',
  paymentIntent: 'b7c30e83-5439-47b2-ac4d-81c64c1d0174',
  paymentMethodTypes: ['crypto', 'card'],
  paymentMethodOptions: {
    crypto: [
      {
        currency: { value: 'usdt', name: 'Tether', logo: '/static/images/cryptos/usdt.png' },
        networks: [{ value: 'tron', name: 'Tron (TRC20)' }],
      },
    ],
    card: null,
  },
  url: 'https://buy-dev.payfect.finance/checkouts/ed8d24aa-a860-426b-8e56-87cb9f55a081',
  metadata: null,
  isLivemode: false,
}

/** `payfect-api.md`: a checkout with every documented request field, one inline item (its `images` placeholder made a real URL). */
export const API_DOC_CHECKOUT_BODY = {
  currency: 'usdt',
  invoice_items: [
    {
      price_data: {
        currency: 'usdt',
        unit_amount: '20.5',
        product_data: { name: 'Standard Plan', description: '...', images: ['https://shop.example/standard.png'] },
      },
      quantity: 1,
    },
  ],
  client_reference_id: '5ae50223-e455-4a72-a48d-fe7d85800e64',
  success_url: 'https://example.com/success',
  cancel_url: 'https://example.com/cancel',
  payment_method_data: { type: 'cryptopaymentmethoddetail', paymentMethodDetail: { currency: 'usdt', network: 'tron' } },
  payment_method_types: ['crypto', 'card'],
}

/** `payfect-api.md`: the success callback's documented keys (top level and `payment_method`). */
export const CALLBACK_KEYS = ['id', 'amount', 'status', 'currency', 'merchant', 'is_livemode', 'payment_intent', 'payment_method', 'client_reference_id']
export const CALLBACK_PAYMENT_METHOD_KEYS = ['id', 'payment_method_detail']
