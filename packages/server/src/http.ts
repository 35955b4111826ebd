import { errorFromResponse, PayfectConfigurationError, PayfectConnectionError, PayfectInvalidRequestError, type PayfectError } from './errors'
import { parseRetryAfter, refused, retryable, sleep, type Failure } from './retry-policy'
import { USER_AGENT } from './version'

/**
 * The one request function under every resource: plain `fetch` (injectable, so
 * it runs on Node, Bun, Deno and edge runtimes alike), a timeout through
 * `AbortSignal`, retries with backoff, JSON in and out, and every failure turned
 * into a `PayfectError` by `errorFromResponse`.
 */

/** Options for a single call, e.g. `payfect.checkouts.retrieve(id, { signal })`. */
export interface RequestOptions {
  /**
   * Aborts the request, and any wait before a retry, when it fires. The call then
   * rejects with a `PayfectConnectionError` whose `cause` is the signal's reason.
   * @example payfect.checkouts.retrieve(id, { signal: request.signal })
   */
  signal?: AbortSignal | undefined
  /**
   * Overrides the client's `timeoutMs` for this call (each attempt gets this long).
   * @defaultValue the client's `timeoutMs`
   */
  timeoutMs?: number | undefined
  /**
   * Overrides the client's `maxRetries` for this call.
   * @defaultValue the client's `maxRetries`
   */
  maxRetries?: number | undefined
}

export interface HttpConfig {
  /** Absolute, without a trailing slash: `https://api.payfect.finance/api/v1`. */
  baseUrl: string
  timeoutMs: number
  maxRetries: number
  fetch: typeof fetch
  retryBaseDelayMs: number
  retryMaxDelayMs: number
}

export type Method = 'GET' | 'POST'

type Outcome = { ok: true; value: unknown } | { ok: false; failure: Failure }

/** The request function under every resource. */
export interface HttpClient {
  /** Sends one API call, retrying as the rules allow; resolves with the parsed JSON body. */
  request<T>(method: Method, path: string, body: unknown, options?: RequestOptions): Promise<T>
}

// A closure, not a class: the key lives only in here (never enumerable, never in JSON, never
// shown by `util.inspect`), and an ES2020 edge build needs no private-member helpers for it.
export function createHttpClient(apiKey: string, config: HttpConfig): HttpClient {
  const getHeaders: Record<string, string> = {
    Authorization: `Api-Key ${apiKey}`,
    Accept: 'application/json',
    'User-Agent': USER_AGENT,
    // Browsers and some runtimes drop or rewrite User-Agent; this one always arrives.
    'X-Payfect-Client-User-Agent': USER_AGENT,
  }
  const postHeaders = { ...getHeaders, 'Content-Type': 'application/json' }

  async function request<T>(method: Method, path: string, body: unknown, options: RequestOptions | undefined = {}): Promise<T> {
    options ??= {}
    const operation = `${method} ${path}`
    const maxRetries = checkCount('maxRetries', options.maxRetries ?? config.maxRetries)
    const timeoutMs = checkPositive('timeoutMs', options.timeoutMs ?? config.timeoutMs)
    const { signal } = options
    const json = body === undefined ? undefined : toJson(body, operation)
    const url = config.baseUrl + path
    for (let tries = 1; ; tries++) {
      // A fresh init and headers per attempt: an injected fetch may change what it is given.
      const init: RequestInit = {
        method,
        headers: { ...(json === undefined ? getHeaders : postHeaders) },
        redirect: 'manual', // a redirect must not replay the key elsewhere, nor turn a POST into a GET
        body: json,
      }
      const outcome = await attempt(url, init, timeoutMs, signal)
      if (outcome.ok) return outcome.value as T
      const { failure } = outcome
      if (tries > maxRetries || !retryable(method, failure)) throw toError(failure, operation, tries, timeoutMs)
      const wait = failure.kind === 'response' && failure.retryAfterMs !== undefined ? failure.retryAfterMs : backoff(tries)
      if (!(await sleep(Math.min(wait, config.retryMaxDelayMs), signal))) {
        throw toError({ kind: 'network', cause: signal?.reason, timedOut: false, aborted: true, notSent: false }, operation, tries, timeoutMs)
      }
    }
  }

  async function attempt(url: string, init: RequestInit, timeoutMs: number, signal: AbortSignal | undefined): Promise<Outcome> {
    if (signal?.aborted) return { ok: false, failure: { kind: 'network', cause: signal.reason, timedOut: false, aborted: true, notSent: true } }
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort(new DOMException(`Timed out after ${timeoutMs} ms`, 'TimeoutError'))
    }, timeoutMs)
    const onAbort = () => controller.abort(signal?.reason)
    signal?.addEventListener('abort', onAbort, { once: true })
    const network = (cause: unknown, sent: boolean): Outcome => ({
      ok: false,
      failure: { kind: 'network', cause, timedOut, aborted: !timedOut && signal?.aborted === true, notSent: !sent && refused(cause) },
    })
    try {
      let response: Response
      try {
        init.signal = controller.signal
        response = await config.fetch(url, init)
      } catch (cause) {
        return network(cause, false)
      }
      let text: string
      try {
        text = await response.text()
      } catch (cause) {
        return network(cause, true)
      }
      const parsed = parseJson(text)
      const ok = response.status >= 200 && response.status < 300
      if (ok && parsed.json && isObject(parsed.value)) return { ok: true, value: parsed.value }
      return {
        ok: false,
        failure: {
          kind: 'response',
          status: response.status,
          // A 2xx that is not a JSON object is not what Payfect sends: reported as not JSON.
          json: ok ? false : parsed.json,
          body: ok || !parsed.json ? text : parsed.value,
          requestId: response.headers.get('x-request-id') ?? undefined,
          retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
        },
      }
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
  }

  function backoff(tries: number): number {
    const ceiling = Math.min(config.retryMaxDelayMs, config.retryBaseDelayMs * 2 ** (tries - 1))
    return ceiling / 2 + Math.random() * (ceiling / 2) // jitter keeps many clients from retrying in step
  }

  function toError(failure: Failure, operation: string, attempts: number, timeoutMs: number): PayfectError {
    if (failure.kind === 'response') {
      return errorFromResponse({ ...failure, body: redact(failure.body, apiKey), operation })
    }
    const gaveUp = attempts > 1 ? ` (gave up after ${attempts} attempts)` : ''
    const { cause, timedOut, notSent } = failure
    let message: string
    if (failure.aborted) message = `${operation} was aborted by the caller's AbortSignal${gaveUp}.`
    else if (timedOut) {
      message = `${operation} timed out after ${timeoutMs} ms without an answer from Payfect${gaveUp}. ${
        operation.startsWith('POST') ? 'It was not retried because Payfect may have received it; check before creating again. ' : ''
      }Raise \`timeoutMs\` if the network is slow.`
    } else {
      const origin = new URL(config.baseUrl).origin
      message = `${operation} could not reach Payfect at ${origin}: ${redact(describeCause(cause), apiKey)}${gaveUp}. ${
        notSent ? 'The connection was refused, so the request never reached Payfect. ' : ''
      }Check \`baseUrl\` and the network, then retry.`
    }
    return new PayfectConnectionError({ message, cause, timedOut, notSent })
  }

  return { request }
}

function describeCause(error: unknown): string {
  const parts: string[] = []
  for (let e = error, depth = 0; e !== undefined && e !== null && depth < 4; depth++) {
    parts.push(e instanceof Error ? e.message : String(e))
    e = e instanceof Error ? e.cause : undefined
  }
  return parts.filter(Boolean).join(': ') || 'network error'
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value)

function toJson(body: unknown, operation: string): string {
  try {
    return JSON.stringify(body)
  } catch (cause) {
    throw new PayfectInvalidRequestError({
      message: `Invalid params for ${operation}: they cannot be sent as JSON (${cause instanceof Error ? cause.message : String(cause)}). Use plain strings, numbers, booleans, arrays and objects; amounts as decimal strings.`,
      cause,
    })
  }
}

function parseJson(text: string): { json: true; value: unknown } | { json: false } {
  try {
    return { json: true, value: JSON.parse(text) }
  } catch {
    return { json: false }
  }
}

/** Replaces the API key wherever an upstream body (or a proxy's echo of our headers) carries it. */
export function redact(value: unknown, secret: string): unknown {
  if (typeof value === 'string') return value.split(secret).join('[redacted]')
  if (Array.isArray(value)) return value.map((v) => redact(v, secret))
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k, secret), redact(v, secret)]))
  }
  return value
}

export function checkCount(name: string, value: unknown): number {
  if (Number.isSafeInteger(value) && (value as number) >= 0) return value as number
  throw new PayfectConfigurationError({ message: `\`${name}\` must be a whole number of 0 or more (got ${String(value)}).` })
}

export function checkPositive(name: string, value: unknown, allowZero = false): number {
  // setTimeout overflows above 2^31-1 ms and fires at once; refuse instead.
  if (typeof value === 'number' && (allowZero ? value >= 0 : value > 0) && value <= 2_147_483_647) return value
  throw new PayfectConfigurationError({
    message: `\`${name}\` must be a number of milliseconds ${allowZero ? 'of 0 or more' : 'above 0'} and at most 2147483647 (got ${String(value)}).`,
  })
}
