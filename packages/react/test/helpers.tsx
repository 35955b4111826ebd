import { render, type RenderOptions } from '@testing-library/react'
import type { ReactElement, ReactNode } from 'react'
import { vi } from 'vitest'
import { SWRConfig } from 'swr'
import { PayfectProvider, type Checkout, type CheckoutStatus, type PayfectProviderProps } from '../src/index'

export const checkoutOrigin = 'https://checkout.test'
export const pageOrigin = 'http://localhost:3000'

export function makeCheckout(id: string, overrides: Partial<Checkout> = {}): Checkout {
  return {
    id,
    url: `${checkoutOrigin}/checkouts/${id}`,
    hostedOrigin: checkoutOrigin,
    status: 'open',
    amountTotal: '20.50',
    currency: 'usdt',
    expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    serverTime: new Date().toISOString(),
    clientReferenceId: null,
    successUrl: `${pageOrigin}/thanks?order=42`,
    cancelUrl: `${pageOrigin}/cart`,
    ...overrides,
  }
}

export interface RecordedRequest {
  method: string
  url: URL
  body: unknown
  headers: Headers
}

/**
 * An in-memory stand-in for the merchant's route handler behind an injected
 * `fetch`: POST creates, GET ?id= reads, with real `Response` objects.
 */
export function fakeEndpoint() {
  const checkouts = new Map<string, Checkout>()
  const requests: RecordedRequest[] = []
  let count = 0
  let gate: Promise<void> | undefined
  let failure: (() => Response) | undefined
  let embeddable: boolean | null = null

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), pageOrigin)
    const method = init.method ?? 'GET'
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined
    requests.push({ method, url, body, headers: new Headers(init.headers) })
    if (method === 'POST') {
      if (gate) await gate
      if (failure) return failure()
      const checkout = makeCheckout(`co_${++count}`, { clientReferenceId: (body as { clientReferenceId?: string } | undefined)?.clientReferenceId ?? null })
      checkouts.set(checkout.id, checkout)
      return Response.json(checkout)
    }
    if (url.searchParams.has('embeddable')) return Response.json({ embeddable, hostedOrigin: checkoutOrigin })
    const checkout = checkouts.get(url.searchParams.get('id') ?? '')
    if (!checkout) return Response.json({ error: { type: 'not_found_error', message: 'No such checkout.' } }, { status: 404 })
    return Response.json(checkout)
  }

  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    posts: () => requests.filter((request) => request.method === 'POST'),
    gets: () => requests.filter((request) => request.method === 'GET'),
    /** Holds every POST until the returned function is called. */
    hold() {
      let release!: () => void
      gate = new Promise((resolve) => (release = resolve))
      return () => {
        gate = undefined
        release()
      }
    },
    /** Makes POSTs fail with this response until called with `undefined`. */
    failWith(response: (() => Response) | undefined) {
      failure = response
    },
    /** What `GET ?embeddable` (the framing probe) answers. */
    setEmbeddable(answer: boolean | null) {
      embeddable = answer
    },
    setStatus(id: string, status: CheckoutStatus) {
      const checkout = checkouts.get(id)
      if (!checkout) throw new Error(`no checkout ${id}`)
      checkouts.set(id, { ...checkout, status })
    },
    put(checkout: Checkout) {
      checkouts.set(checkout.id, checkout)
    },
  }
}

export type FakeEndpoint = ReturnType<typeof fakeEndpoint>

/** Renders inside a fresh SWR cache and a provider wired to `endpoint`. */
export function renderWithPayfect(
  ui: ReactElement,
  { endpoint, provider = {}, ...options }: { endpoint?: FakeEndpoint; provider?: Partial<PayfectProviderProps> } & RenderOptions = {},
) {
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
        <PayfectProvider checkoutOrigin={checkoutOrigin} pollInterval={20} {...(endpoint ? { fetch: endpoint.fetch } : {})} {...provider}>
          {children}
        </PayfectProvider>
      </SWRConfig>
    )
  }
  return render(ui, { wrapper: Wrapper, ...options })
}

/** Posts a message to the page as if sent by `source` from `origin`. */
export function postFrom(source: unknown, origin: string, data: unknown) {
  const event = new MessageEvent('message', { data, origin })
  // jsdom only accepts real windows in the constructor; a popup stand-in is a plain object.
  Object.defineProperty(event, 'source', { value: source ?? null })
  window.dispatchEvent(event)
}

/** A stand-in for the window `window.open` returns. */
export function fakePopup() {
  const popup = {
    closed: false,
    location: { href: 'about:blank' },
    close: vi.fn<() => void>(() => {
      popup.closed = true
    }),
  }
  return popup
}
