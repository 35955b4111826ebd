import { fernet } from '@payfect/server'
import { describe, expect, it } from 'vitest'
import { startStorefront } from '../server'

describe('startStorefront modes', () => {
  it('refuses live mode without a webhook secret, saying what to set', async () => {
    await expect(startStorefront({ port: 0, env: { PAYFECT_API_KEY: 'sk_live_example' }, log: false })).rejects.toThrow(/PAYFECT_WEBHOOK_SECRET is not/)
  })

  it('talks to the live API, and starts no sandbox, when PAYFECT_API_KEY is set', async () => {
    const env = { PAYFECT_API_KEY: 'sk_live_example', PAYFECT_WEBHOOK_SECRET: fernet.generateKey(), PAYFECT_API_BASE: 'https://api.payfect.example/api/v1' }
    const shop = await startStorefront({ port: 0, env, log: false })
    try {
      expect(shop.mode).toBe('live')
      expect(shop.sandbox).toBeNull()
      const { shop: info } = (await (await fetch(`${shop.url}/api/orders`)).json()) as { shop: Record<string, unknown> }
      expect(info).toEqual({ mode: 'live', dashboardUrl: null, checkoutOrigin: 'https://buy.payfect.finance' })
      // Nothing secret reaches the page.
      expect(JSON.stringify(info)).not.toContain('sk_live_example')
    } finally {
      await shop.close()
    }
  })

  it('explains a bad PORT instead of listening somewhere unexpected', async () => {
    await expect(startStorefront({ env: { PORT: 'eighty' }, log: false })).rejects.toThrow(/PORT must be a port number from 0 to 65535; got "eighty"/)
  })
})
