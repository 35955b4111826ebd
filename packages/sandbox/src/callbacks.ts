import { randomUUID } from 'node:crypto'
import { fernetEncrypt } from './fernet'
import { callbackEvent } from './serialize'
import type { Store } from './store'
import type { CheckoutRecord } from './types'

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 5_000, 25_000, 60_000, 300_000]
export const DEFAULT_CALLBACK_TIMEOUT_MS = 10_000

export interface CallbackSenderOptions {
  retryDelaysMs: readonly number[]
  timeoutMs: number
  /** The sandbox-wide default target, after the checkout's and the merchant's own. */
  defaultUrl: string | null
}

/**
 * Sends the signed success callback of a paid checkout, as Payfect does: a POST
 * of the documented JSON with `X-Payfect-Signature` (a Fernet token of the exact
 * body), retried with backoff on any non-2xx answer, network error or timeout.
 * Every attempt is recorded in the store. Nothing is sent after `close()`.
 */
export class CallbackSender {
  private closed = false
  private pending = 0
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()
  private readonly controllers = new Set<AbortController>()
  private waiters: Array<() => void> = []

  constructor(
    private readonly store: Store,
    private readonly options: CallbackSenderOptions,
  ) {}

  /** Where this checkout's callback goes: its `callback_url`, else its merchant's, else the sandbox default. */
  targetOf(record: CheckoutRecord): string | null {
    return record.callbackUrl ?? this.store.merchant(record.merchantId).callbackUrl ?? this.options.defaultUrl
  }

  /** Starts a delivery series; false when the checkout has nowhere to send it. */
  send(record: CheckoutRecord): boolean {
    const url = this.targetOf(record)
    if (!url || this.closed) return false
    this.pending++
    void this.attempt(record, url, 1)
    return true
  }

  /** Resolves when no series is in flight or waiting to retry. */
  settled(): Promise<void> {
    if (this.pending === 0) return Promise.resolve()
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  close(): void {
    this.closed = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    for (const controller of this.controllers) controller.abort()
    this.pending = 0
    this.flushWaiters()
  }

  private async attempt(record: CheckoutRecord, url: string, attempt: number): Promise<void> {
    const merchant = this.store.merchant(record.merchantId)
    const body = JSON.stringify(callbackEvent(this.store, record))
    const controller = new AbortController()
    const timeout = setTimeout(() => controller.abort(), this.options.timeoutMs)
    this.controllers.add(controller)
    let status: number | null = null
    let error: string | undefined
    const sentAt = this.store.now()
    try {
      // A fresh token per attempt: receivers may refuse tokens older than a few minutes.
      const signature = fernetEncrypt(merchant.webhookSecret, body)
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'User-Agent': 'payfect-sandbox', 'X-Payfect-Signature': signature },
        body,
        redirect: 'manual',
        signal: controller.signal,
      })
      status = res.status
      await res.body?.cancel().catch(() => undefined)
      if (status < 200 || status > 299) error = `The receiver answered ${status}; only a 2xx counts as delivered.`
    } catch (cause) {
      error = controller.signal.aborted ? `No answer within ${this.options.timeoutMs} ms.` : describeNetworkError(cause)
    } finally {
      clearTimeout(timeout)
      this.controllers.delete(controller)
    }
    if (this.closed) return
    const ok = error === undefined
    this.store.recordDelivery({
      id: randomUUID(),
      checkoutId: record.id,
      attempt,
      url,
      at: sentAt,
      status,
      ...(error === undefined ? {} : { error }),
      ok,
    })
    const delay = this.options.retryDelaysMs[attempt - 1]
    if (ok || delay === undefined) return this.finish()
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      void this.attempt(record, url, attempt + 1)
    }, delay)
    timer.unref()
    this.timers.add(timer)
  }

  private finish(): void {
    this.pending = Math.max(0, this.pending - 1)
    if (this.pending === 0) this.flushWaiters()
  }

  private flushWaiters(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const resolve of waiters) resolve()
  }
}

function describeNetworkError(cause: unknown): string {
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause
  const code = inner && typeof inner === 'object' && 'code' in inner ? String(inner.code) : undefined
  const message = inner instanceof Error ? inner.message : String(inner)
  return `Could not reach the receiver${code ? ` (${code})` : ''}: ${message}`
}
