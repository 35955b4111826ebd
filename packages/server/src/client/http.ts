import { type CallConfig, callPayfect } from '../api/call'
import { PayfectConfigurationError, PayfectConnectionError } from '../errors'

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

export interface RetryConfig {
  maxRetries: number
  retryBaseDelayMs: number
  retryMaxDelayMs: number
}

/**
 * One API call with the client's retries: GETs on network errors, timeouts, 429 and 5xx;
 * a POST only when the connection was refused (it never reached Payfect, and the API has
 * no idempotency keys).
 */
export async function requestWithRetries<T>(
  call: CallConfig,
  retry: RetryConfig,
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  options: RequestOptions | null | undefined,
): Promise<T> {
  const maxRetries = checkCount('maxRetries', options?.maxRetries ?? retry.maxRetries)
  const config = { ...call, timeoutMs: checkPositive('timeoutMs', options?.timeoutMs ?? call.timeoutMs) }
  const signal = options?.signal
  for (let tries = 1; ; tries++) {
    const outcome = await callPayfect(config, method, path, body, signal, tries)
    if (outcome.ok) return outcome.value as T
    const again = outcome.retry === 'refused' || (outcome.retry === 'safe' && method === 'GET')
    if (tries > maxRetries || !again) throw outcome.error
    const ceiling = Math.min(retry.retryMaxDelayMs, retry.retryBaseDelayMs * 2 ** (tries - 1))
    // Jitter keeps many clients from retrying in step; a server's Retry-After wins, capped.
    const wait = Math.min(outcome.retryAfterMs ?? ceiling / 2 + Math.random() * (ceiling / 2), retry.retryMaxDelayMs)
    if (!(await sleep(wait, signal))) {
      throw new PayfectConnectionError({ message: `${method} ${path} was aborted by the caller's AbortSignal.`, cause: signal?.reason })
    }
  }
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false)
    const onAbort = () => {
      clearTimeout(timer)
      resolve(false)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve(true)
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
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
