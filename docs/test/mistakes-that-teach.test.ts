// The common mistakes of a merchant's first hour, each met as a merchant meets it, and the
// message that names the fix. (The forgotten stylesheet is the browser's: see the .tsx beside this.)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox, type Sandbox } from '@payfect/sandbox'
import { createCheckoutHandler } from '@payfect/server/checkout'
import { signTestWebhook } from '@payfect/server/testing'
import { createWebhookHandler } from '@payfect/server/webhooks'
import { afterEach, describe, expect, test, vi } from 'vitest'

const catalog = { 'pro-plan': { name: 'Pro plan', unitAmount: '20.00', currency: 'usdt' } }
const callback = { id: 'cs_1', amount: '20.00', status: 'succeeded', currency: 'usdt', client_reference_id: 'ord_1' }
let sandbox: Sandbox | undefined

afterEach(async () => {
  vi.restoreAllMocks()
  await sandbox?.close()
  sandbox = undefined
})

function logged(spy: { mock: { calls: unknown[][] } }): string {
  return spy.mock.calls.flat().map((value: unknown) => (value instanceof Error ? value.message : String(value))).join('\n')
}

describe('mistakes that teach', () => {
  test('a stale webhook secret: refused, and the log says which secret to use', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const signedWith = 'cw_nmHFDAbVGxAEXDhYkGeHkYmVwdXZhUOLH1NTy5VM='
    const stale = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='
    const handler = createWebhookHandler({ secret: stale, onEvent: () => {}, env: { NODE_ENV: 'development' } })
    const { body, headers } = await signTestWebhook({ secret: signedWith, payload: callback })
    const response = await handler(new Request('http://127.0.0.1/api/payfect/webhook', { method: 'POST', body, headers }))
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: { code: 'signature_bad_hmac' } })
    expect(logged(error) + logged(warn)).toMatch(/secret of this endpoint.*list the old one too while rotating/)
  })

  test('a body read before the webhook handler: the log says to pass the untouched request', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const secret = 'cw_nmHFDAbVGxAEXDhYkGeHkYmVwdXZhUOLH1NTy5VM='
    const handler = createWebhookHandler({ secret, onEvent: () => {}, env: { NODE_ENV: 'development' } })
    const { body, headers } = await signTestWebhook({ secret, payload: callback })
    const request = new Request('http://127.0.0.1/api/payfect/webhook', { method: 'POST', body, headers })
    await request.json()
    const response = await handler(request)
    expect(response.status).toBe(500)
    expect(await response.json()).toMatchObject({ error: { code: 'body_already_read' } })
    expect(logged(error) + logged(warn)).toMatch(/clone\(\)|untouched/)
  })

  test('a cross-origin POST: 403, naming allowedOrigins', async () => {
    const handler = createCheckoutHandler({ catalog, apiKey: 'sk_test_x', publicOrigin: 'https://shop.example', env: {} })
    const response = await handler(
      new Request('https://shop.example/api/payfect/checkouts', {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
        body: JSON.stringify({ items: [{ price: 'pro-plan' }] }),
      }),
    )
    expect(response.status).toBe(403)
    const { error } = (await response.json()) as { error: { code: string; message: string } }
    expect(error.code).toBe('cross_origin')
    expect(error.message).toMatch(/allowedOrigins/)
  })

  test('a missing key: the handler builds without it, and the first request logs the variable to set', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const handler = createCheckoutHandler({ catalog, env: { NODE_ENV: 'production', PAYFECT_PUBLIC_ORIGIN: 'https://shop.example' } })
    const response = await handler(
      new Request('https://shop.example/api/payfect/checkouts', {
        method: 'POST',
        headers: { origin: 'https://shop.example', 'content-type': 'application/json' },
        body: JSON.stringify({ items: [{ price: 'pro-plan' }] }),
      }),
    )
    expect(response.status).toBe(500)
    const text = await response.text()
    expect(text).not.toMatch(/PAYFECT_API_KEY/)
    expect(logged(error) + logged(warn)).toMatch(/PAYFECT_API_KEY/)
  })

  test('a restarted sandbox with fresh keys: the old key gets a 401 that says how to pin one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'payfect-mistakes-'))
    try {
      sandbox = await startSandbox({ port: 0, keysFile: join(dir, '.payfect-sandbox.json') })
      const oldKey = sandbox.apiKey
      await sandbox.close()
      sandbox = await startSandbox({ port: 0, keysFile: join(dir, '.payfect-sandbox.json'), freshKeys: true })
      expect(sandbox.apiKey).not.toBe(oldKey)
      const response = await fetch(`${sandbox.apiBase}/checkouts/`, {
        method: 'POST',
        headers: { authorization: `Api-Key ${oldKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ currency: 'usdt', invoice_items: [{ price_data: { currency: 'usdt', unit_amount: '1.00', product_data: { name: 'x' } }, quantity: 1 }] }),
      })
      expect(response.status).toBe(401)
      const { detail } = (await response.json()) as { detail: string }
      expect(detail).toMatch(/belong to the sandbox that made them/)
      expect(detail).toMatch(/PAYFECT_API_KEY/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
