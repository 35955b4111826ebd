import { errorFromResponse, PayfectConnectionError, PayfectInvalidRequestError, type PayfectError } from '../errors'
import { USER_AGENT } from '../version'

/** Where and how one Payfect call is made. */
export interface CallConfig {
  apiKey: string
  /** Absolute, without a trailing slash: `https://api.payfect.finance/api/v1`. */
  baseUrl: string
  fetch: typeof fetch
  timeoutMs: number
}

/** One attempt's result: the JSON object Payfect sent, or the error it maps to and whether a retry may help. */
export type CallOutcome =
  | { ok: true; value: unknown }
  | { ok: false; error: PayfectError; retry: 'never' | 'safe' | 'refused'; retryAfterMs?: number | undefined }

/**
 * Sends one API call, with one `AbortSignal.timeout` covering the answer's body too, and the
 * caller's signal (a route passes `request.signal`, so a shopper who leaves stops the call).
 * Never throws: every failure is a typed `PayfectError` that never holds the key.
 */
export async function callPayfect(config: CallConfig, method: 'GET' | 'POST', path: string, body: unknown, signal?: AbortSignal, attempt = 1): Promise<CallOutcome> {
  const operation = `${method} ${path}`
  const headers: Record<string, string> = {
    Authorization: `Api-Key ${config.apiKey}`,
    Accept: 'application/json',
    'User-Agent': USER_AGENT,
    // Browsers and some runtimes drop or rewrite User-Agent; this one always arrives.
    'X-Payfect-Client-User-Agent': USER_AGENT,
  }
  let json: string | undefined
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    try {
      json = JSON.stringify(body)
    } catch (cause) {
      const message = `Invalid params for ${operation}: they cannot be sent as JSON; use plain strings, numbers, arrays and objects.`
      return { ok: false, error: new PayfectInvalidRequestError({ message, cause }), retry: 'never' }
    }
  }
  const timeout = AbortSignal.timeout(config.timeoutMs)
  const network = (cause: unknown, sent: boolean): CallOutcome => {
    const timedOut = timeout.aborted && !signal?.aborted
    const gaveUp = attempt > 1 ? ` (gave up after ${attempt} attempts)` : ''
    const notSent = !sent && refused(cause)
    const message = signal?.aborted
      ? `${operation} was aborted by the caller's AbortSignal.`
      : timedOut
        ? `${operation} timed out after ${config.timeoutMs} ms without an answer from Payfect${method === 'POST' ? ' (not retried because Payfect may have received it; check before creating again)' : ''}; raise \`timeoutMs\` if the network is slow.`
        : `${operation} could not reach Payfect at ${new URL(config.baseUrl).origin}: ${redact(describeCause(cause), config.apiKey)}${gaveUp}. ${notSent ? 'The connection was refused, so the request never reached Payfect; check' : 'Check'} \`baseUrl\` and the network.`
    const error = new PayfectConnectionError({ message, cause: signal?.aborted ? signal.reason : cause, timedOut, notSent })
    return { ok: false, error, retry: signal?.aborted ? 'never' : notSent ? 'refused' : 'safe' }
  }
  if (signal?.aborted) return network(signal.reason, false)
  let response: Response
  try {
    // A redirect must not replay the key elsewhere, nor turn a POST into a GET.
    response = await config.fetch(config.baseUrl + path, {
      method,
      headers,
      body: json,
      redirect: 'manual',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    })
  } catch (cause) {
    return network(cause, false)
  }
  let text: string
  try {
    text = await response.text()
  } catch (cause) {
    return network(cause, true)
  }
  let parsed: { value: unknown } | undefined
  try {
    parsed = { value: JSON.parse(text) }
  } catch {
    parsed = undefined
  }
  const ok = response.status >= 200 && response.status < 300
  const value = parsed?.value
  if (ok && typeof value === 'object' && value !== null && !Array.isArray(value)) return { ok: true, value }
  const error = errorFromResponse({
    status: response.status,
    // A 2xx that is not a JSON object is not what Payfect sends: reported as not JSON.
    json: !ok && parsed !== undefined,
    body: redact(ok || !parsed ? text : value, config.apiKey),
    requestId: response.headers.get('x-request-id') ?? undefined,
    operation,
  })
  const retry = response.status === 429 || response.status >= 500 ? 'safe' : 'never'
  return { ok: false, error, retry, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) }
}

/** Node/undici and Deno say `ECONNREFUSED`, Bun `ConnectionRefused`. */
function refused(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 8) return false
  const code = (error as { code?: unknown }).code
  if (code === 'ECONNREFUSED' || code === 'ConnectionRefused') return true
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.every((e) => refused(e, depth + 1))
  return refused((error as { cause?: unknown }).cause, depth + 1)
}

function describeCause(error: unknown): string {
  const parts: string[] = []
  for (let e = error, depth = 0; e !== undefined && e !== null && depth < 4; depth++) {
    parts.push(e instanceof Error ? e.message : String(e))
    e = e instanceof Error ? e.cause : undefined
  }
  return parts.filter(Boolean).join(': ') || 'network error'
}

/** `Retry-After` as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
function parseRetryAfter(header: string | null): number | undefined {
  if (header === null) return undefined
  if (/^\s*\d+(\.\d+)?\s*$/.test(header)) return Number(header) * 1000
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now())
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
