import { randomBytes, randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { generateFernetKey, isFernetKey } from './fernet'
import { CallbackSender, DEFAULT_CALLBACK_TIMEOUT_MS, DEFAULT_RETRY_DELAYS_MS } from './callbacks'
import { sandboxState } from './control'
import type { Runtime } from './runtime'
import { createRequestHandler } from './server'
import { Store } from './store'
import type { MerchantRecord, Sandbox, SandboxMerchant, SandboxOptions } from './types'
import { isHttpUrl } from './validate'

export const DEFAULT_CHECKOUT_TTL_MS = 30 * 60 * 1000

/** A test key that looks like one: `sk_test_` and 32 random hex digits. */
export function generateApiKey(): string {
  return `sk_test_${randomBytes(16).toString('hex')}`
}

/**
 * Starts the Payfect sandbox: the REST API at `apiBase`, the hosted checkout
 * pages, the `/_sandbox` dashboard and controls, and signed callbacks.
 *
 * @throws {TypeError} for a bad option, naming it and what it should be.
 * @example
 * const sb = await startSandbox({ port: 0 })
 * const payfect = new Payfect({ apiKey: sb.apiKey, baseUrl: sb.apiBase })
 * // … later
 * await sb.close()
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1'
  const port = options.port ?? 0
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`startSandbox: port must be an integer from 0 to 65535, got ${String(port)}.`)
  const ttlMs = options.checkoutTtlMs ?? DEFAULT_CHECKOUT_TTL_MS
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new TypeError(`startSandbox: checkoutTtlMs must be a positive number of milliseconds, got ${String(ttlMs)}.`)
  const retryDelaysMs = options.callbackRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS
  if (!Array.isArray(retryDelaysMs) || !retryDelaysMs.every((d) => Number.isFinite(d) && d >= 0)) {
    throw new TypeError('startSandbox: callbackRetryDelaysMs must be an array of non-negative numbers of milliseconds, e.g. [10, 20, 40].')
  }
  const timeoutMs = options.callbackTimeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new TypeError(`startSandbox: callbackTimeoutMs must be a positive number, got ${String(timeoutMs)}.`)
  const callbackUrl = checkCallbackUrl(options.callbackUrl, 'callbackUrl')
  const now = options.now ?? Date.now
  if (typeof now !== 'function') throw new TypeError('startSandbox: now must be a function returning Unix milliseconds, like Date.now.')

  const merchants = resolveMerchants(options)
  const store = new Store(merchants, now)
  const callbacks = new CallbackSender(store, { retryDelaysMs: [...retryDelaysMs], timeoutMs, defaultUrl: callbackUrl })
  const rt: Runtime = { store, origin: '', ttlMs, callbacks }
  const server = createServer(createRequestHandler(rt))

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  rt.origin = `http://${urlHost(address.address)}:${address.port}`
  // Expiry is also applied on every read; the sweep only keeps the dashboard honest.
  const sweep = setInterval(() => store.expireDue(), Math.min(ttlMs, 1000))
  sweep.unref()

  let closing: Promise<void> | undefined
  const first = merchants[0]!
  return {
    url: rt.origin,
    apiBase: `${rt.origin}/api/v1`,
    apiKey: first.apiKey,
    webhookSecret: first.webhookSecret,
    state: () => sandboxState(rt),
    callbacksSettled: () => callbacks.settled(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(sweep)
        callbacks.close()
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return closing
    },
  }
}

function resolveMerchants(options: SandboxOptions): MerchantRecord[] {
  const given: SandboxMerchant[] = options.merchants ?? [
    {
      apiKey: options.apiKey ?? generateApiKey(),
      ...(options.webhookSecret === undefined ? {} : { webhookSecret: options.webhookSecret }),
      ...(options.merchantName === undefined ? {} : { name: options.merchantName }),
    },
  ]
  if (!Array.isArray(given) || given.length === 0) throw new TypeError('startSandbox: merchants must be a non-empty array of { apiKey, name?, id?, webhookSecret? }.')
  const keys = new Set<string>()
  const ids = new Set<string>()
  return given.map((m, i) => {
    const where = options.merchants ? `merchants[${i}].` : ''
    if (typeof m.apiKey !== 'string' || !/^\S{8,200}$/.test(m.apiKey)) {
      throw new TypeError(`startSandbox: ${where}apiKey must be 8 to 200 characters without spaces (it is sent as "Authorization: Api-Key <key>").`)
    }
    if (keys.has(m.apiKey)) throw new TypeError(`startSandbox: ${where}apiKey is used by two merchants; give each its own key.`)
    keys.add(m.apiKey)
    const webhookSecret = m.webhookSecret ?? generateFernetKey()
    if (!isFernetKey(webhookSecret)) {
      throw new TypeError(`startSandbox: ${where}webhookSecret must be a Fernet key: base64url of 32 bytes (44 characters ending in "="), e.g. Python's Fernet.generate_key().`)
    }
    const id = m.id ?? randomUUID()
    if (ids.has(id)) throw new TypeError(`startSandbox: ${where}id "${id}" is used by two merchants.`)
    ids.add(id)
    return {
      id,
      name: m.name?.trim() || 'Sandbox Merchant',
      apiKey: m.apiKey,
      webhookSecret,
      callbackUrl: checkCallbackUrl(m.callbackUrl, `${where}callbackUrl`),
    }
  })
}

function checkCallbackUrl(url: string | undefined, name: string): string | null {
  if (url === undefined) return null
  if (typeof url !== 'string' || !isHttpUrl(url)) {
    throw new TypeError(`startSandbox: ${name} must be an absolute http(s) URL like "http://127.0.0.1:3000/api/payfect/webhook".`)
  }
  return url
}

function urlHost(address: string): string {
  if (address === '0.0.0.0') return '127.0.0.1'
  if (address === '::') return '[::1]'
  return address.includes(':') ? `[${address}]` : address
}
