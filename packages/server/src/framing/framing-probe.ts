import type { EmbeddableAnswer } from '@payfect/contract'
import { PayfectConfigurationError } from '../errors'
import { diagnoseFraming, type FramingReport } from './diagnose-framing'
import { formatFramingReport } from './format-framing-report'
import { parseOrigin } from './origin'

export interface FramingProbeOptions {
  /**
   * The `fetch` to use. It is given no API key and no cookie, and `redirect: 'manual'`.
   * @defaultValue `globalThis.fetch`
   */
  fetch?: typeof fetch | undefined
  /**
   * How long the checkout page (with its redirects) may take to answer before the answer is `null`.
   * @defaultValue 3000
   */
  timeoutMs?: number | undefined
  /**
   * How long a `true` or `false` answer is kept.
   * @defaultValue 600000 (10 minutes)
   */
  ttlMs?: number | undefined
  /**
   * How long a `null` answer (timeout, network error, bot wall, non-2xx) is kept before the next
   * question probes again.
   * @defaultValue 30000
   */
  unknownTtlMs?: number | undefined
  /**
   * The clock, in milliseconds; for tests.
   * @defaultValue `Date.now`
   */
  now?: (() => number) | undefined
}

export interface FramingQuestion {
  /**
   * A checkout page on `hostedOrigin`, or a function that makes one (e.g. creates a checkout
   * and returns its `url`). A function is called only when no answer is cached or on its way.
   */
  pageUrl: string | (() => string | Promise<string>)
  /** The origin of the hosted checkout pages, e.g. `https://buy.payfect.finance`. */
  hostedOrigin: string
  /** The shop's origin, which frames the page, e.g. `https://shop.example`. */
  publicOrigin: string
}

export interface FramingProbe {
  /**
   * Whether `publicOrigin` may frame the pages of `hostedOrigin`: `true`, `false`, or `null` when
   * it could not be told. Answered from the cache while fresh; concurrent questions share one
   * probe. Rejects only for a bad question, or when a `pageUrl` function throws (neither is cached).
   */
  ask(question: FramingQuestion): Promise<boolean | null>
  /** The cached answer, without probing: `undefined` when there is none yet, or it has expired. */
  peek(question: Omit<FramingQuestion, 'pageUrl'>): boolean | null | undefined
  /**
   * The checkout route's `GET ?embeddable`: the cached answer for any of `hostedOrigins`, else
   * `ask` with a page from `pageUrl` (whose origin says which one, when there are several).
   */
  answer(question: { hostedOrigins: readonly string[]; publicOrigin: string; pageUrl: () => Promise<string> }): Promise<EmbeddableAnswer>
  /**
   * Probes now, whatever is cached, and caches the answer. Resolves the report as text, each
   * finding with its fix, when the modal cannot (or may not) show the page; else `undefined`.
   */
  check(question: FramingQuestion): Promise<string | undefined>
}

interface Entry {
  answer: Promise<boolean | null>
  settled?: boolean | null
  /** Infinity while the probe is on its way. */
  expiresAt: number
}

// Keys come from configuration, not from requests; the bound only keeps a mistake from growing it.
const MAX_ENTRIES = 64

/**
 * The opt-in framing probe: may the shop frame the hosted checkout page? One cache entry
 * per (hosted origin, public origin), a short timeout, one request chain at a time, redirects
 * followed only after checking their target, and never an API key or a cookie.
 *
 * @example
 * const probe = createFramingProbe()
 * const embeddable = await probe.ask({
 *   hostedOrigin: 'https://buy.payfect.finance',
 *   publicOrigin: 'https://shop.example',
 *   pageUrl: async () => (await payfect.checkouts.create(params)).url,
 * })
 */
export function createFramingProbe(options: FramingProbeOptions = {}): FramingProbe {
  const timeoutMs = duration('timeoutMs', options.timeoutMs ?? 3_000, 1)
  const ttlMs = duration('ttlMs', options.ttlMs ?? 600_000)
  const unknownTtlMs = duration('unknownTtlMs', options.unknownTtlMs ?? 30_000)
  const now = options.now ?? Date.now
  const entries = new Map<string, Entry>()

  function keyOf(question: Omit<FramingQuestion, 'pageUrl'>): [key: string, hostedOrigin: string, publicOrigin: string] {
    const hostedOrigin = parseOrigin('hostedOrigin', question.hostedOrigin)
    const publicOrigin = parseOrigin('publicOrigin', question.publicOrigin)
    return [`${hostedOrigin} ${publicOrigin}`, hostedOrigin, publicOrigin]
  }

  function fresh(key: string): Entry | undefined {
    const entry = entries.get(key)
    return entry && now() < entry.expiresAt ? entry : undefined
  }

  async function probe(pageUrl: FramingQuestion['pageUrl'], hostedOrigin: string, publicOrigin: string): Promise<FramingReport> {
    const url = typeof pageUrl === 'function' ? await pageUrl() : pageUrl
    if (typeof url !== 'string' || !URL.canParse(url) || new URL(url).origin !== hostedOrigin) {
      throw new PayfectConfigurationError({ message: `The framing probe's \`pageUrl\` must be a page on ${hostedOrigin}; got ${typeof url === 'string' && URL.canParse(url) ? `a page on ${new URL(url).origin}` : JSON.stringify(url)}. Pass a checkout's \`url\`, or the origin it is on as \`hostedOrigin\`.` })
    }
    return diagnoseFraming({ checkoutUrl: url, publicOrigin, fetch: options.fetch, timeoutMs, maxRedirects: 3 })
  }

  function start(question: FramingQuestion): Entry & { report: Promise<FramingReport> } {
    const [key, hostedOrigin, publicOrigin] = keyOf(question)
    const report = probe(question.pageUrl, hostedOrigin, publicOrigin)
    const entry: Entry = { answer: Promise.resolve(null), expiresAt: Infinity }
    entry.answer = report.then(
      ({ embeddable }) => {
        entry.settled = embeddable
        entry.expiresAt = now() + (embeddable === null ? unknownTtlMs : ttlMs)
        return embeddable
      },
      (error: unknown) => {
        if (entries.get(key) === entry) entries.delete(key)
        throw error
      },
    )
    entries.delete(key)
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!)
    entries.set(key, entry)
    // Whoever asked awaits one of the two; the other must not surface as an unhandled rejection.
    entry.answer.catch(() => {})
    return { ...entry, report }
  }

  const ask: FramingProbe['ask'] = async (question) => (fresh(keyOf(question)[0]) ?? start(question)).answer
  const peek: FramingProbe['peek'] = (question) => {
    const entry = fresh(keyOf(question)[0])
    return entry && 'settled' in entry ? entry.settled : undefined
  }
  return {
    ask,
    peek,
    async answer({ hostedOrigins, publicOrigin, pageUrl }) {
      for (const hostedOrigin of hostedOrigins) {
        const cached = peek({ hostedOrigin, publicOrigin })
        if (cached !== undefined) return { embeddable: cached, hostedOrigin }
      }
      // Payfect's API has a live and a test origin: the first page made tells which one the key uses.
      const only = hostedOrigins.length === 1 ? hostedOrigins[0]! : undefined
      const page = only ? pageUrl : await pageUrl()
      const hostedOrigin = only ?? new URL(page as string).origin
      return { embeddable: await ask({ hostedOrigin, publicOrigin, pageUrl: page }), hostedOrigin }
    },
    async check(question) {
      const report = await start(question).report
      return report.verdict === 'allowed' ? undefined : formatFramingReport(report)
    },
  }
}

function duration(name: string, value: number, min = 0): number {
  if (!Number.isInteger(value) || value < min) throw new PayfectConfigurationError({ message: `\`${name}\` must be a whole number of milliseconds, ${min} or more; got ${String(value)}.` })
  return value
}
