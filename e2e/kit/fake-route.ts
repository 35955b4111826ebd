/**
 * A small merchant route that speaks the wire contract (`CheckoutSummary` with `hostedOrigin`,
 * `serverTime` and `clientReferenceId`, `GET ?id=`, `GET ?embeddable`, one open checkout per
 * order as `findOpenCheckout` gives it): what the React-flow scenarios talk to until the
 * rewritten @payfect/server lands. Test support only.
 */
import type { CheckoutStatus, CheckoutSummary, CreateCheckoutParams, EmbeddableAnswer } from '../../packages/contract/src/index'

export interface FakeRouteOptions {
  /** The live-like hosted page's origin. */
  hostedOrigin: string
  /** The shop's origin, for the success and cancel URLs. */
  shopOrigin: string
  /** Path of the success URL on the shop. @defaultValue '/thanks' */
  successPath?: string
  /** Path (and query) of the cancel URL on the shop. @defaultValue '/cart' */
  cancelPath?: string
  /** How long a new checkout lives. @defaultValue 30 minutes */
  lifetimeMs?: number
  /** Replaces the checkout URL the route answers with (a hostile or broken backend). */
  url?: (id: string) => string
  /** Status reads that still say `open` after the shopper paid (confirmations on chain). @defaultValue 0 */
  confirmReads?: number
  /** The framing probe's answer for `GET ?embeddable`. @defaultValue null */
  embeddable?: boolean | null
}

interface Entry {
  summary: CheckoutSummary
  paid: boolean
  readsSincePaid: number
}

export function createFakeRoute(options: FakeRouteOptions) {
  const entries = new Map<string, Entry>()
  const log: string[] = []
  let count = 0

  const view = (entry: Entry): CheckoutSummary => {
    const { summary } = entry
    const expired = summary.expiresAt !== null && Date.parse(summary.expiresAt) <= Date.now() && summary.status === 'open'
    let status: CheckoutStatus = expired ? 'expired' : summary.status
    if (entry.paid && status === 'open') status = entry.readsSincePaid >= (options.confirmReads ?? 0) ? 'complete' : 'open'
    return { ...summary, status, serverTime: new Date().toISOString() }
  }

  function create(params: CreateCheckoutParams): CheckoutSummary {
    const ref = params.clientReferenceId ?? null
    // findOpenCheckout: an order's open checkout is handed back instead of a second one.
    for (const entry of entries.values()) {
      const current = view(entry)
      if (ref !== null && current.clientReferenceId === ref && current.status === 'open' && !entry.paid) return current
    }
    const id = `co_${++count}`
    const quantity = params.items.reduce((sum, item) => sum + (item.quantity ?? 1), 0)
    const summary: CheckoutSummary = {
      id,
      url: options.url?.(id) ?? `${options.hostedOrigin}/checkouts/${id}`,
      hostedOrigin: options.hostedOrigin,
      status: 'open',
      amountTotal: `${quantity * 20}.00`,
      currency: 'usdt',
      expiresAt: new Date(Date.now() + (options.lifetimeMs ?? 30 * 60_000)).toISOString(),
      serverTime: new Date().toISOString(),
      clientReferenceId: ref,
      successUrl: `${options.shopOrigin}${options.successPath ?? '/thanks'}`,
      cancelUrl: `${options.shopOrigin}${options.cancelPath ?? '/cart'}`,
    }
    entries.set(id, { summary, paid: false, readsSincePaid: 0 })
    return summary
  }

  /** Answers the route's requests: `POST` creates, `GET ?id=` reads, `GET ?embeddable` probes. */
  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url)
    if (request.method === 'POST') {
      const params = (await request.json()) as CreateCheckoutParams
      const summary = create(params)
      log.push(`POST ${summary.id}`)
      return Response.json(summary)
    }
    if (url.searchParams.has('embeddable')) {
      log.push('GET ?embeddable')
      const answer: EmbeddableAnswer = { embeddable: options.embeddable ?? null, hostedOrigin: options.hostedOrigin }
      return Response.json(answer)
    }
    const id = url.searchParams.get('id') ?? ''
    const entry = entries.get(id)
    log.push(`GET ${id}`)
    if (!entry) return Response.json({ error: { type: 'not_found_error', message: `No checkout ${id}.` } }, { status: 404 })
    const answer = view(entry)
    if (entry.paid) entry.readsSincePaid++
    return Response.json(answer)
  }

  return {
    handle,
    log,
    /** What the hosted page reports when the shopper pays. */
    pay(id: string) {
      const entry = entries.get(id)
      if (entry) entry.paid = true
    },
    get(id: string) {
      const entry = entries.get(id)
      return entry && view(entry)
    },
    /** Payfect saw the confirmations: the next read says `complete`. */
    confirmNow(id: string) {
      const entry = entries.get(id)
      if (entry) {
        entry.paid = true
        entry.readsSincePaid = Number.POSITIVE_INFINITY
      }
    },
    /** Makes a checkout expire now. */
    expire(id: string) {
      const entry = entries.get(id)
      if (entry) entry.summary = { ...entry.summary, expiresAt: new Date(Date.now() - 1000).toISOString() }
    },
    ids: () => [...entries.keys()],
    posts: () => log.filter((line) => line.startsWith('POST')).length,
  }
}

export type FakeRoute = ReturnType<typeof createFakeRoute>
