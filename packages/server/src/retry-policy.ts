import type { Method } from './http'

/**
 * When a failed Payfect call may be sent again. The API has no idempotency
 * keys, so a POST is repeated only when it provably never left this machine.
 */

/** What went wrong with one attempt. */
export type Failure =
  | { kind: 'network'; cause: unknown; timedOut: boolean; aborted: boolean; notSent: boolean }
  | { kind: 'response'; status: number; body: unknown; json: boolean; requestId: string | undefined; retryAfterMs: number | undefined }

/** GETs are safe to repeat; a POST only when it provably never left (no idempotency keys in this API). */
export function retryable(method: Method, failure: Failure): boolean {
  if (failure.kind === 'response') return method === 'GET' && (failure.status === 429 || failure.status >= 500)
  if (failure.aborted) return false
  return method === 'GET' || failure.notSent
}

/** Node/undici and Deno say `ECONNREFUSED`, Bun `ConnectionRefused`. */
const REFUSED = new Set<unknown>(['ECONNREFUSED', 'ConnectionRefused'])

/** True when every connection attempt was refused, however the runtime wraps it. */
export function refused(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 8) return false
  if (REFUSED.has((error as { code?: unknown }).code)) return true
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.every((e) => refused(e, depth + 1))
  return refused((error as { cause?: unknown }).cause, depth + 1)
}

/** `Retry-After` as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null): number | undefined {
  if (header === null) return undefined
  if (/^\s*\d+(\.\d+)?\s*$/.test(header)) return Number(header) * 1000
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now())
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
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
