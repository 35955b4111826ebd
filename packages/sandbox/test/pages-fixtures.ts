import type { Checkout } from '../src/api-types'
import { JSDOM, VirtualConsole } from 'jsdom'

export const NOW = Date.UTC(2026, 10, 26, 22, 0, 0)

/** A checkout as the API returns it, with every documented key. */
export function makeCheckout(overrides: Partial<Checkout> = {}): Checkout {
  const id = overrides.id ?? 'ed8d24aa-a860-426b-8e56-87cb9f55a081'
  return {
    id,
    merchant: { id: 'bf065cc8-343d-4419-be7d-ed2190f1df4d', name: 'Northwind Coffee' },
    nameCollection: false,
    emailCollection: false,
    phoneNumberCollection: false,
    shippingAddressCollection: null,
    invoiceItems: [
      {
        id: 'item-1',
        price: 'price-1',
        priceData: {
          id: 'price-1',
          product: 'prod-1',
          productData: { id: 'prod-1', name: 'Yirgacheffe beans, 1 kg', description: 'Light roast, jasmine and bergamot', images: [] },
          currency: 'usdt',
          unitAmount: '24.50',
        },
        quantity: 2,
        amount: '49.00',
      },
      {
        id: 'item-2',
        price: 'price-2',
        priceData: {
          id: 'price-2',
          product: 'prod-2',
          productData: { id: 'prod-2', name: 'Pour-over dripper', description: null, images: [] },
          currency: 'usdt',
          unitAmount: '1018.00',
        },
        quantity: 1,
        amount: '1018.00',
      },
    ],
    amountTotal: '1067.00',
    status: 'open',
    createdAt: String((NOW - 5 * 60_000) / 1000),
    updatedAt: String(NOW / 1000),
    clientReferenceId: 'order_1042',
    currency: 'usdt',
    successUrl: null,
    cancelUrl: null,
    expiresAt: String(NOW + 25 * 60_000),
    paymentIntent: 'b7c30e83-5439-47b2-ac4d-81c64c1d0174',
    paymentMethodTypes: ['crypto'],
    paymentMethodOptions: {
      crypto: [{ currency: { value: 'usdt', name: 'Tether', logo: '/static/images/cryptos/usdt.png' }, networks: [{ value: 'tron', name: 'Tron (TRC20)' }] }],
      card: null,
    },
    url: `http://127.0.0.1:4010/checkouts/${id}`,
    metadata: null,
    isLivemode: false,
    ...overrides,
  }
}

export interface FetchCall {
  method: string
  url: string
}

/** An answer, or `'network-error'` for a request that gets none (fetch rejects with a TypeError, as browsers do). */
export type Responder = (call: FetchCall) => { status?: number; body: unknown } | 'network-error'

export interface LoadedPage {
  dom: JSDOM
  window: JSDOM['window']
  document: Document
  /** Every request the page made, in order. */
  calls: FetchCall[]
  /** What happened that a page cannot show: messages to the parent, navigations, in order. */
  events: Array<{ kind: 'message'; data: unknown; targetOrigin: string } | { kind: 'navigation' }>
  /** Script errors other than navigation (which jsdom does not implement). */
  errors: Error[]
  close(): void
}

export interface LoadOptions {
  /** Answers the page's fetches; the default answers 404. */
  respond?: Responder
  /** Run the page inside a (fake) parent frame that records postMessage. */
  framed?: boolean
  /** A `navigator.clipboard` for the page; none by default, as on an insecure origin. */
  clipboard?: { writeText(text: string): Promise<void> }
}

/**
 * Loads a page's HTML in jsdom with its inline script running, a fetch that records
 * each request and answers through `respond`, and — when `framed` — a parent window.
 */
export function loadPage(html: string, options: LoadOptions = {}): LoadedPage {
  const calls: FetchCall[] = []
  const events: LoadedPage['events'] = []
  const errors: Error[] = []
  const virtualConsole = new VirtualConsole()
  virtualConsole.on('jsdomError', (error: Error & { type?: string }) => {
    if (error.type === 'not-implemented' && /navigation/.test(error.message)) events.push({ kind: 'navigation' })
    else errors.push(error)
  })
  const respond = options.respond ?? (() => ({ status: 404, body: { detail: 'Not found.' } }))
  const dom = new JSDOM(html, {
    url: 'http://127.0.0.1:4010/checkouts/ed8d24aa-a860-426b-8e56-87cb9f55a081',
    runScripts: 'dangerously',
    pretendToBeVisual: true,
    virtualConsole,
    beforeParse(window) {
      Object.defineProperty(window, 'fetch', {
        configurable: true,
        value: async (input: string, init: { method?: string } = {}) => {
          const call = { method: (init.method ?? 'GET').toUpperCase(), url: String(input) }
          calls.push(call)
          const answer = respond(call)
          if (answer === 'network-error') throw new window.TypeError('Failed to fetch')
          const { status = 200, body } = answer
          return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })
        },
      })
      if (options.clipboard) Object.defineProperty(window.navigator, 'clipboard', { configurable: true, value: options.clipboard })
      if (options.framed) {
        const parent = {
          postMessage(data: unknown, targetOrigin: string) {
            events.push({ kind: 'message', data, targetOrigin })
          },
        }
        Object.defineProperty(window, 'parent', { configurable: true, value: parent })
      }
    },
  })
  return { dom, window: dom.window, document: dom.window.document, calls, events, errors, close: () => dom.window.close() }
}
