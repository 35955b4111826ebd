import type { Checkout, CreateCheckoutParams } from '@payfect/react'
import { stress } from './stress-content'

/** The store every story sells from: price id → name and unit price (a decimal string). */
export const catalog: Record<string, { name: string; unitAmount: string }> = {
  'pro-plan': { name: 'Pro plan (1 month)', unitAmount: '20.50' },
  'starter-plan': { name: 'Starter plan (1 month)', unitAmount: '9.00' },
  'sticker-pack': { name: 'Sticker pack', unitAmount: '3.25' },
  // The stress stories' extremes: the smallest and largest amounts, and an 80-character name.
  'one-cent': { name: 'Single sticker', unitAmount: '0.01' },
  'vault-plan': { name: 'Vault plan (lifetime)', unitAmount: '99999999.99' },
  'long-name': { name: stress.longProductName, unitAmount: '149.00' },
  // Priced in the merchant's fiat currency (the mock route's `currency`: `twd`, `cny`).
  'tea-set': { name: 'Oolong tea set', unitAmount: '1500.00' },
  ...Object.fromEntries(stress.lineItems.map((name, index) => [`line-${index + 1}`, { name, unitAmount: `${index + 1}.25` }])),
}

export interface MockMerchantOptions {
  /** The merchant name the hosted page shows. @defaultValue 'Acme Store' */
  merchant?: string
  /** The hosted page's language (`en` or `zh-TW`), as the provider's. @defaultValue 'en' */
  locale?: string
  /** How long "the server" takes to answer, in ms. @defaultValue 400 */
  delayMs?: number
  /** `'never'` leaves the request pending forever; `'once'` fails the first request, then works; `'always'` always fails. */
  behaviour?: 'ok' | 'never' | 'once' | 'always'
  /** How long a new checkout stays open, in ms. @defaultValue 30 minutes */
  expiresInMs?: number
  /** The hosted page's success/cancel URLs, as a merchant's handler would set them (a function is read per checkout). */
  successUrl?: string | (() => string)
  cancelUrl?: string | (() => string)
  /** The catalog's currency: `usdt`, or a fiat code (`twd`, `cny`) the kit formats as money. @defaultValue 'usdt' */
  currency?: string
  /**
   * What the route says once the hosted page reports a payment: `'instant'` reports it `complete`;
   * `'awaiting-confirmations'` keeps saying `open` (the chain has not confirmed it yet); `'unanswered'`
   * never answers a status read again (a route stuck mid-read). @defaultValue 'instant'
   */
  settlement?: 'instant' | 'awaiting-confirmations' | 'unanswered'
  /** Where a checkout lives instead of the mock page: e.g. this page's own `#hash`, for a story the kit redirects but that must stay put. */
  hostedUrl?: () => string
}

/** `"20.50" × 3` in integer cents, so no amount ever passes through a float. */
function toCents(amount: string): bigint {
  const [whole = '0', fraction = ''] = amount.split('.')
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2))
}

function fromCents(cents: bigint): string {
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`
}

/**
 * The Storybook-served stand-in for Payfect's hosted page: the sandbox's own page,
 * generated into `stories/public/` (see `generate-mock-checkout.ts`), one file per status.
 */
export function mockCheckoutUrl(status: Checkout['status'], params: Record<string, string | undefined>): string {
  const file = status === 'open' ? 'mock-checkout.html' : `mock-checkout-${status}.html`
  const url = new URL(`${import.meta.env.BASE_URL}${file}`, window.location.href)
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value)
  return url.href
}

const session = Date.now().toString(36)
const mintedCheckouts = new Map<string, Checkout>()

/** Where the mock page keeps a checkout's status (the sandbox server would): read by status polling. */
const storedStatus = (id: string) => window.localStorage.getItem(`payfect-mock-checkout:${id}`) as Checkout['status'] | null

/** One line of a mock order, its amounts as decimal strings. */
export interface MockOrderLine {
  name: string
  quantity: number
  unit: string
  amount: string
}

export interface MockCheckoutOptions extends Partial<Checkout> {
  /** The merchant name the hosted page shows. @defaultValue 'Acme Store' */
  merchant?: string
  /** The line the page's order summary shows. @defaultValue 'Pro plan (1 month)' */
  item?: string
  /** The order's lines, when there is more than one (the page then lists these instead of `item`). */
  lines?: MockOrderLine[]
  /** The hosted page's colour scheme. @defaultValue the theme on `<html>` when called */
  theme?: 'light' | 'dark'
  /** The hosted page's language (`en` or `zh-TW`). @defaultValue 'en' */
  locale?: string
}

/**
 * A checkout as a merchant's `createCheckoutHandler` would return it, pointing at the
 * mock page. A `complete` or `expired` status shows the page in that state too.
 */
export function mockCheckout(options: MockCheckoutOptions = {}): Checkout {
  const { merchant = 'Acme Store', item = 'Pro plan (1 month)', lines, theme = document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light', locale = 'en', ...rest } = options
  // The mock page keeps statuses in localStorage: ids must not repeat across page loads.
  const id = `${rest.id ?? 'cs_mock'}_${session}`
  const amountTotal = rest.amountTotal ?? '20.50'
  const currency = rest.currency ?? 'usdt'
  const status = rest.status ?? 'open'
  const expiresAt = rest.expiresAt ?? String(Date.now() + 30 * 60_000)
  const url = mockCheckoutUrl(status, {
    id,
    amount: amountTotal,
    merchant,
    item,
    items: lines && lines.length > 1 ? JSON.stringify(lines) : undefined,
    expiresAt,
    theme,
    locale,
    // Where the page sends a shopper who is neither framed nor in a popup (redirect mode).
    successUrl: rest.successUrl ?? undefined,
    cancelUrl: rest.cancelUrl ?? undefined,
  })
  // The contract's summary: ISO times, the page's origin announced as the hosted origin.
  // Every minted checkout is known to the mock route: the kit believes only its status reads.
  const isoExpiresAt = /^\d+$/.test(expiresAt ?? '') ? new Date(Number(expiresAt)).toISOString() : expiresAt
  const minted: Checkout = {
    ...rest,
    id,
    status,
    amountTotal,
    currency,
    expiresAt: isoExpiresAt,
    url,
    hostedOrigin: rest.hostedOrigin ?? window.location.origin,
    serverTime: rest.serverTime ?? new Date().toISOString(),
    clientReferenceId: rest.clientReferenceId ?? null,
    successUrl: rest.successUrl ?? null,
    cancelUrl: rest.cancelUrl ?? null,
  }
  mintedCheckouts.set(id, minted)
  return minted
}

let sequence = 0
/** Checkouts some story's route created: another story's route does not know them (resume then starts afresh). */
const routed = new Set<string>()

const read = (value: string | (() => string) | undefined) => (typeof value === 'function' ? value() : (value ?? null))

/**
 * The merchant's route handler, in the browser: what `PayfectProvider`'s
 * `createCheckout`/`getCheckout` call instead of `POST/GET {endpoint}`. Checkouts are
 * priced from `catalog`; their status turns `complete`/`expired` when the mock page
 * reports it, the way a real handler learns it from Payfect's callback.
 */
export function createMockMerchant(options: MockMerchantOptions = {}) {
  const { merchant = 'Acme Store', locale, delayMs = 400, behaviour = 'ok', expiresInMs = 30 * 60_000, currency = 'usdt', settlement = 'instant' } = options
  const checkouts = new Map<string, Checkout>()
  let failures = 0

  const settle = (event: MessageEvent) => {
    const data = event.data as { source?: unknown; type?: unknown; id?: unknown } | null
    if (event.origin !== window.location.origin || data?.source !== 'payfect' || typeof data.id !== 'string') return
    const checkout = checkouts.get(data.id)
    if (!checkout) return
    // Until the chain confirms, the route learns nothing from the page's word.
    if (data.type === 'checkout.complete' && settlement === 'instant') checkouts.set(data.id, { ...checkout, status: 'complete' })
    if (data.type === 'checkout.expired') checkouts.set(data.id, { ...checkout, status: 'expired' })
  }
  window.addEventListener('message', settle)

  const wait = () => new Promise((resolve) => setTimeout(resolve, delayMs))

  return {
    async createCheckout({ items, clientReferenceId }: CreateCheckoutParams): Promise<Checkout> {
      if (behaviour === 'never') return new Promise<Checkout>(() => {})
      await wait()
      if (behaviour === 'always' || (behaviour === 'once' && failures++ === 0)) {
        throw new Error('the mock merchant server is down (this story fails on purpose)')
      }
      let total = 0n
      const lines: MockOrderLine[] = []
      for (const item of items) {
        const price = catalog[item.price]
        if (!price) throw new Error(`unknown price "${item.price}" (the mock catalog has ${Object.keys(catalog).join(', ')})`)
        const quantity = item.quantity ?? 1
        const amount = toCents(price.unitAmount) * BigInt(quantity)
        total += amount
        lines.push({ name: price.name, quantity, unit: price.unitAmount, amount: fromCents(amount) })
      }
      const checkout = mockCheckout({
        id: `cs_mock_${++sequence}_${clientReferenceId ?? 'guest'}`,
        merchant,
        locale,
        item: lines.map((line) => (line.quantity === 1 ? line.name : `${line.quantity} × ${line.name}`)).join(', '),
        lines,
        amountTotal: fromCents(total),
        currency,
        // Echoed back as Payfect does: resume trusts a stored checkout only when it names the same order.
        clientReferenceId: clientReferenceId ?? null,
        expiresAt: String(Date.now() + expiresInMs),
        successUrl: read(options.successUrl),
        cancelUrl: read(options.cancelUrl),
      })
      const placed = options.hostedUrl ? { ...checkout, url: options.hostedUrl() } : checkout
      checkouts.set(placed.id, placed)
      routed.add(placed.id)
      return placed
    },
    async getCheckout(id: string): Promise<Checkout> {
      const checkout = checkouts.get(id) ?? (routed.has(id) ? undefined : mintedCheckouts.get(id))
      if (!checkout) throw new Error(`no checkout ${id} in the mock merchant`)
      const status = storedStatus(id)
      if (status === 'complete' && checkout.status === 'open' && settlement !== 'instant') {
        if (settlement === 'unanswered') return new Promise<Checkout>(() => {})
        return checkout
      }
      if (status && checkout.status === 'open') return { ...checkout, status }
      // Past its expiry by the route's own clock, an unpaid checkout is expired, as Payfect would report it.
      if (checkout.status === 'open' && checkout.expiresAt && Date.parse(checkout.expiresAt) <= Date.now()) return { ...checkout, status: 'expired' }
      return checkout
    },
    /** Records a payment the way the mock page does when the shopper pays (Payfect's callback, for a real route). */
    reportPaid(id: string) {
      window.localStorage.setItem(`payfect-mock-checkout:${id}`, 'complete')
    },
    /** Stops listening for the mock page's messages. */
    dispose() {
      window.removeEventListener('message', settle)
    },
  }
}
