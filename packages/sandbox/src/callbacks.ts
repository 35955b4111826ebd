import { randomUUID } from 'node:crypto'
import type { CallbackAmount } from './callback-amount'
import type { CallbackMode, Delivery, DeliveryKind, PendingCallback } from './delivery'
import { fernetEncrypt } from './fernet'
import { callbackEvent } from './serialize'
import type { Store } from './store'
import type { CheckoutRecord } from './types'

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 5_000, 25_000, 60_000, 300_000]
export const DEFAULT_CALLBACK_TIMEOUT_MS = 10_000
/** How much of a refusing receiver's answer is kept for the dashboard. */
export const RESPONSE_BODY_LIMIT = 2048

export interface CallbackSenderOptions {
  retryDelaysMs: readonly number[]
  timeoutMs: number
  /** The sandbox-wide default target, after the checkout's and the merchant's own. */
  defaultUrl: string | null
  /** What a fiat checkout's callback reports as `amount`, read when each delivery is signed. */
  callbackAmount: () => CallbackAmount
}

/**
 * Sends the signed success callback of a paid checkout, as Payfect does: a POST
 * of the documented JSON with `X-Payfect-Signature` (a Fernet token of the exact
 * body), retried with backoff on any non-2xx answer, network error or timeout.
 * It also rehearses failure (see {@link CallbackMode}) and replays past deliveries.
 * Every attempt, dropped ones included, is recorded with its body and signature.
 * Nothing is sent after `close()`.
 */
export class CallbackSender {
  private closed = false
  private pending = 0
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()
  private readonly controllers = new Set<AbortController>()
  private readonly held = new Map<string, CheckoutRecord>()
  private readonly late = new Map<symbol, PendingCallback>()
  private waiters: Array<() => void> = []

  constructor(
    private readonly store: Store,
    private readonly options: CallbackSenderOptions,
  ) {}

  /** Where this checkout's callback goes: its `callback_url`, else its merchant's, else the sandbox default. */
  targetOf(record: CheckoutRecord): string | null {
    return record.callbackUrl ?? this.store.merchant(record.merchantId).callbackUrl ?? this.options.defaultUrl
  }

  /** Starts (or holds, delays, drops) a checkout's callback; false when it has nowhere to go. */
  dispatch(record: CheckoutRecord, mode: CallbackMode, kind: 'callback' | 'resend' = 'callback'): boolean {
    const url = this.targetOf(record)
    if (!url || this.closed) return false
    switch (mode.kind) {
      case 'send':
        this.track(this.series(record, url, kind))
        break
      case 'twice':
        this.track(this.series(record, url, kind).then(() => this.series(record, url, 'duplicate')))
        break
      case 'late': {
        const key = Symbol(record.id)
        this.late.set(key, { checkoutId: record.id, kind: 'late', dueAt: this.store.now() + mode.delayMs })
        this.track(
          this.sleep(mode.delayMs).then((awake) => {
            this.late.delete(key)
            return awake ? this.series(record, url, 'late') : undefined
          }),
        )
        break
      }
      case 'hold':
        this.held.set(record.id, record)
        break
      case 'drop':
        this.store.recordDelivery({ ...this.signed(record, url, 1, 'dropped'), status: null, ok: false, error: 'Dropped on purpose: never sent. Reconcile by reading the checkout, or resend it.' })
        break
    }
    return true
  }

  /** Sends a held callback now; resolves with its first attempt once answered (retries go on after). */
  deliverHeld(checkoutId: string): Promise<Delivery | undefined> | undefined {
    const record = this.held.get(checkoutId)
    const url = record && this.targetOf(record)
    if (!record || !url || this.closed) return undefined
    this.held.delete(checkoutId)
    return new Promise((resolve) => this.track(this.series(record, url, 'held', resolve).finally(() => resolve(undefined))))
  }

  /** Sends a recorded delivery again byte for byte (same body, same signature), once. */
  async replay(delivery: Delivery): Promise<Delivery | undefined> {
    if (this.closed) return undefined
    const record = this.store.checkouts.get(delivery.checkoutId)
    if (!record) return undefined
    const sent = { ...this.base(record, delivery.url, 1, 'replay'), body: delivery.body, signature: delivery.signature, replayOf: delivery.id }
    let result: Delivery | undefined
    await this.track(this.post(sent).then((d) => void (result = d)))
    return result
  }

  /** Callbacks held or waiting to be sent late. */
  pendingCallbacks(): PendingCallback[] {
    return [
      ...[...this.held.keys()].map((checkoutId): PendingCallback => ({ checkoutId, kind: 'held' })),
      ...this.late.values(),
    ]
  }

  /** Resolves when nothing is in flight, waiting to retry or due late (held callbacks wait for `deliver`). */
  settled(): Promise<void> {
    if (this.pending === 0) return Promise.resolve()
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  close(): void {
    this.closed = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    for (const controller of this.controllers) controller.abort()
    this.held.clear()
    this.late.clear()
    this.pending = 0
    this.flushWaiters()
  }

  /** One series: the first attempt, then a retry after each delay until a 2xx. */
  private async series(record: CheckoutRecord, url: string, kind: DeliveryKind, first?: (d: Delivery) => void): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      // A fresh token per attempt: receivers may refuse tokens older than a few minutes.
      const delivery = await this.post(this.signed(record, url, attempt, attempt === 1 ? kind : 'retry'))
      if (!delivery) return
      if (attempt === 1) first?.(delivery)
      const delay = this.options.retryDelaysMs[attempt - 1]
      if (delivery.ok || delay === undefined || !(await this.sleep(delay))) return
    }
  }

  private base(record: CheckoutRecord, url: string, attempt: number, kind: DeliveryKind) {
    return { id: randomUUID(), checkoutId: record.id, attempt, kind, url, at: this.store.now() }
  }

  private signed(record: CheckoutRecord, url: string, attempt: number, kind: DeliveryKind) {
    const body = JSON.stringify(callbackEvent(this.store, record, this.options.callbackAmount()))
    const signature = fernetEncrypt(this.store.merchant(record.merchantId).webhookSecret, body)
    return { ...this.base(record, url, attempt, kind), body, signature }
  }

  /** POSTs one delivery and records it; undefined when the sandbox closed meanwhile. */
  private async post(sent: Omit<Delivery, 'status' | 'ok'>): Promise<Delivery | undefined> {
    const controller = new AbortController()
    const timeout = setTimeout(() => controller.abort(), this.options.timeoutMs)
    this.controllers.add(controller)
    let status: number | null = null
    let error: string | undefined
    let responseBody: string | undefined
    try {
      const res = await fetch(sent.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'User-Agent': 'payfect-sandbox', 'X-Payfect-Signature': sent.signature },
        body: sent.body,
        redirect: 'manual',
        signal: controller.signal,
      })
      status = res.status
      if (status < 200 || status > 299) {
        error = `The receiver answered ${status}; only a 2xx counts as delivered.`
        responseBody = await readStart(res)
      } else {
        await res.body?.cancel().catch(() => undefined)
      }
    } catch (cause) {
      error = controller.signal.aborted ? `No answer within ${this.options.timeoutMs} ms.` : describeNetworkError(cause)
    } finally {
      clearTimeout(timeout)
      this.controllers.delete(controller)
    }
    if (this.closed) return undefined
    const delivery: Delivery = {
      ...sent,
      status,
      ...(responseBody === undefined ? {} : { responseBody }),
      ...(error === undefined ? {} : { error }),
      ok: error === undefined,
    }
    this.store.recordDelivery(delivery)
    return delivery
  }

  /** Waits `ms`; false when the sandbox closed first. */
  private sleep(ms: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false)
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        resolve(!this.closed)
      }, ms)
      timer.unref()
      this.timers.add(timer)
    })
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.pending++
    return work.finally(() => {
      this.pending = Math.max(0, this.pending - 1)
      if (this.pending === 0) this.flushWaiters()
    })
  }

  private flushWaiters(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const resolve of waiters) resolve()
  }
}

/** The first {@link RESPONSE_BODY_LIMIT} characters of an answer, without reading an endless one. */
async function readStart(res: Response): Promise<string> {
  if (!res.body) return ''
  const reader = res.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  while (text.length < RESPONSE_BODY_LIMIT) {
    const { done, value } = await reader.read()
    if (done) break
    text += decoder.decode(value, { stream: true })
  }
  await reader.cancel().catch(() => undefined)
  return text.length > RESPONSE_BODY_LIMIT ? `${text.slice(0, RESPONSE_BODY_LIMIT)}…` : text
}

function describeNetworkError(cause: unknown): string {
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause
  const code = inner && typeof inner === 'object' && 'code' in inner ? String(inner.code) : undefined
  const message = inner instanceof Error ? inner.message : String(inner)
  return `Could not reach the receiver${code ? ` (${code})` : ''}: ${message}`
}
