import { afterEach, describe, expect, it, vi } from 'vitest'
import { fernet, PayfectSignatureError, verifyWebhook } from '../src/index'

const payload = JSON.stringify({ id: 'ed8d24aa-a860-426b-8e56-87cb9f55a081', status: 'succeeded' })
const signed = async (secret: string) => ({ payload, signature: await fernet.encrypt(secret, payload), secret })

afterEach(() => vi.restoreAllMocks())

describe('verifyWebhook keeps the keys it imported', () => {
  it('imports a secret once for many callbacks, and each key of a rotation once', async () => {
    const [current, old] = [fernet.generateKey(), fernet.generateKey()]
    const callbacks = await Promise.all([signed(current), signed(current), signed(old)])
    const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey')
    for (const callback of [...callbacks, ...callbacks]) {
      await expect(verifyWebhook({ ...callback, secret: [current, old] })).resolves.toMatchObject({ status: 'succeeded' })
    }
    expect(importKey).toHaveBeenCalledTimes(4) // signing and encryption halves of two secrets
  })

  it('never keeps a bad secret: each try is refused as bad_secret', async () => {
    const { signature } = await signed(fernet.generateKey())
    for (let i = 0; i < 2; i++) {
      const error = await verifyWebhook({ payload, signature, secret: 'not-a-key' }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(PayfectSignatureError)
      expect((error as PayfectSignatureError).reason).toBe('bad_secret')
    }
  })

  it('keeps a bounded number of secrets: the oldest is imported again', async () => {
    const secrets = Array.from({ length: 9 }, () => fernet.generateKey())
    const callbacks = await Promise.all(secrets.map(signed))
    const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey')
    for (const callback of callbacks) await verifyWebhook(callback)
    expect(importKey).toHaveBeenCalledTimes(18)
    await verifyWebhook(callbacks[8]!)
    expect(importKey).toHaveBeenCalledTimes(18)
    await verifyWebhook(callbacks[0]!)
    expect(importKey).toHaveBeenCalledTimes(20)
  })
})
