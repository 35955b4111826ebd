import { encrypt } from './webhooks/fernet'

/** Options of {@link signTestWebhook}. */
export interface SignTestWebhookOptions {
  /** The secret your webhook handler verifies with (in tests, any `fernet.generateKey()`). */
  secret: string
  /** The callback to sign, as Payfect would send it (an object is sent as its JSON). */
  payload: object | string
  /**
   * The token's time, in Unix seconds: set it to test replays and clock skew.
   * @defaultValue now
   */
  now?: number
}

/**
 * Signs a callback the way Payfect does, for merchants' own tests of their webhook route.
 *
 * @example
 * const { body, headers } = await signTestWebhook({ secret, payload: { id: checkoutId, amount: '20.00', status: 'succeeded', currency: 'usdt', client_reference_id: 'ord_1' } })
 * const response = await handler(new Request('http://localhost/api/payfect/webhook', { method: 'POST', body, headers }))
 */
export async function signTestWebhook(options: SignTestWebhookOptions): Promise<{ body: string; signature: string; headers: Record<string, string> }> {
  const body = typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload)
  const signature = await encrypt(options.secret, body, options.now === undefined ? {} : { now: options.now })
  return { body, signature, headers: { 'content-type': 'application/json', 'x-payfect-signature': signature } }
}
