import { existsSync, readFileSync } from 'node:fs'
import { verifyWebhook } from '@payfect/server'
import { describe, expect, it } from 'vitest'
import { fernetDecrypt, fernetEncrypt, generateFernetKey, isFernetKey } from '../src/fernet'

// The Fernet spec's own vectors (github.com/fernet/spec), copied into test/vectors/ so the clone is self-contained.
const VECTORS = new URL('./vectors/', import.meta.url)
const vectors = <T>(name: string): T[] => JSON.parse(readFileSync(new URL(name, VECTORS), 'utf8')) as T[]
// The shared originals, where a checkout keeps them beside the clone (../shared) or beside its worktrees.
const SHARED = ['../../../../shared/test-vectors/fernet/', '../../../../../shared/test-vectors/fernet/'].map((p) => new URL(p, import.meta.url))
const seconds = (iso: string): number => Date.parse(iso) / 1000

describe('the sandbox’s own Fernet', () => {
  it('makes the spec’s tokens byte for byte (generate.json)', () => {
    const cases = vectors<{ token: string; now: string; iv: number[]; src: string; secret: string }>('generate.json')
    expect(cases.length).toBeGreaterThan(0)
    for (const c of cases) {
      expect(fernetEncrypt(c.secret, c.src, { now: seconds(c.now), iv: Uint8Array.from(c.iv) })).toBe(c.token)
    }
  })

  it('reads the spec’s tokens within their ttl (verify.json)', () => {
    const cases = vectors<{ token: string; now: string; ttl_sec: number; src: string; secret: string }>('verify.json')
    expect(cases.length).toBeGreaterThan(0)
    for (const c of cases) {
      expect(fernetDecrypt(c.secret, c.token, { now: seconds(c.now), ttlSeconds: c.ttl_sec })).toBe(c.src)
      expect(() => fernetDecrypt(c.secret, c.token, { now: seconds(c.now) + c.ttl_sec + 1, ttlSeconds: c.ttl_sec })).toThrow(/expired/)
    }
  })

  it('refuses a token signed with another key, or altered', () => {
    const token = fernetEncrypt(generateFernetKey(), 'hello')
    expect(() => fernetDecrypt(generateFernetKey(), token)).toThrow(/signature/)
    const key = generateFernetKey()
    const good = fernetEncrypt(key, 'hello')
    const flipped = good.slice(0, 30) + (good[30] === 'A' ? 'B' : 'A') + good.slice(31)
    expect(() => fernetDecrypt(key, flipped)).toThrow(/signature|version/)
  })

  it('tests against unchanged copies of the shared vectors', () => {
    for (const dir of SHARED.filter((url) => existsSync(url))) {
      for (const name of ['generate.json', 'verify.json']) {
        expect(JSON.parse(readFileSync(new URL(name, dir), 'utf8'))).toEqual(vectors(name))
      }
    }
  })

  it('makes keys in Python’s format', () => {
    const key = generateFernetKey()
    expect(isFernetKey(key)).toBe(true)
    expect(key).toHaveLength(44)
    expect(Buffer.from(key, 'base64url')).toHaveLength(32)
  })

  it('signs callbacks that @payfect/server’s verifyWebhook accepts, and only with the right secret', async () => {
    const secret = generateFernetKey()
    const payload = JSON.stringify({ id: 'ed8d24aa-a860-426b-8e56-87cb9f55a081', amount: '20.00', status: 'succeeded', client_reference_id: '訂單-1' })
    const signature = fernetEncrypt(secret, payload)
    await expect(verifyWebhook({ payload, signature, secret })).resolves.toMatchObject({ id: 'ed8d24aa-a860-426b-8e56-87cb9f55a081', client_reference_id: '訂單-1' })
    await expect(verifyWebhook({ payload, signature, secret: generateFernetKey() })).rejects.toThrow(/signature|secret|key/i)
  })
})
