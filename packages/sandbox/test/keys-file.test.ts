import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateFernetKey } from '../src/fernet'
import { startSandbox } from '../src/index'
import { call } from './support'

const dir = mkdtempSync(join(tmpdir(), 'payfect-sandbox-keys-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('keys that last', () => {
  it('keeps the key, secret and merchant id in keysFile across a restart', async () => {
    const keysFile = join(dir, 'restart.json')
    const first = await startSandbox({ port: 0, keysFile })
    const created = await call(first, 'POST', '/api/v1/checkouts/', { body: { currency: 'usdt', invoice_items: [{ price_data: { currency: 'usdt', unit_amount: '1', product_data: { name: 'A' } }, quantity: 1 }] } })
    await first.close()
    const second = await startSandbox({ port: 0, keysFile })
    try {
      expect(first.keysFile).toEqual({ path: keysFile, written: true })
      expect(second.keysFile).toEqual({ path: keysFile, written: false })
      expect([second.apiKey, second.webhookSecret]).toEqual([first.apiKey, first.webhookSecret])
      expect(second.state().merchants[0]!.id).toBe(created.body.merchant.id)
      // The merchant's .env.local from the first run still opens the second.
      expect((await call(second, 'GET', '/api/v1/checkouts/unknown/', { key: first.apiKey })).status).toBe(404)
    } finally {
      await second.close()
    }
  })

  it('writes pinned values into the file, and replaces the keys with freshKeys', async () => {
    const keysFile = join(dir, 'pinned.json')
    const secret = generateFernetKey()
    await (await startSandbox({ port: 0, keysFile, apiKey: 'sk_test_pinned_key', webhookSecret: secret })).close()
    const again = await startSandbox({ port: 0, keysFile })
    await again.close()
    expect([again.apiKey, again.webhookSecret]).toEqual(['sk_test_pinned_key', secret])
    const fresh = await startSandbox({ port: 0, keysFile, freshKeys: true })
    await fresh.close()
    expect(fresh.apiKey).not.toBe('sk_test_pinned_key')
    expect(fresh.webhookSecret).not.toBe(secret)
  })

  it('refuses a file that holds something else, and a bad pinned value, before writing', async () => {
    const keysFile = join(dir, 'foreign.json')
    writeFileSync(keysFile, '{"apiKey": "short"}')
    await expect(startSandbox({ port: 0, keysFile })).rejects.toThrow(/foreign\.json does not hold sandbox keys .* --fresh-keys/)
    await expect(startSandbox({ port: 0, keysFile: join(dir, 'never.json'), webhookSecret: 'hunter2' })).rejects.toThrow(/webhookSecret must be a Fernet key/)
    expect(existsSync(join(dir, 'never.json'))).toBe(false)
  })

  it('writes nothing without keysFile, so tests stay hermetic', async () => {
    const before = readdirSync(process.cwd())
    const sb = await startSandbox({ port: 0 })
    await sb.close()
    expect(sb.keysFile).toBeNull()
    expect(readdirSync(process.cwd())).toEqual(before)
  })

  it('explains a 401: sandbox keys belong to a sandbox, and how to pin one', async () => {
    const sb = await startSandbox({ port: 0 })
    try {
      const res = await call(sb, 'GET', '/api/v1/checkouts/x/', { key: 'sk_test_from_yesterday' })
      expect(res.status).toBe(401)
      expect(res.body.detail).toMatch(/^Invalid API key\. Sandbox keys belong to the sandbox that made them: .*--api-key.*\.payfect-sandbox\.json/)
      expect(res.body.detail).not.toMatch(/\.\.|sk_test_from_yesterday/)
    } finally {
      await sb.close()
    }
  })
})
