import type * as NodeCrypto from 'node:crypto'
import { describe } from './describe'
import { configError } from './errors'

// Fernet's two primitives (HMAC-SHA256, AES-128-CBC) behind a small interface, as stripe-node
// does with NodeCryptoProvider / SubtleCryptoProvider. On Node, node:crypto is synchronous and
// skips the thread-pool round trip each Web Crypto call costs; it is fetched at run time with
// `process.getBuiltinModule`, so edge bundles never contain a `node:` import.

/**
 * Which implementation runs Fernet: `'node'` (synchronous `node:crypto`, Node ≥ 20.16, Bun, Deno)
 * or `'subtle'` (Web Crypto, every runtime).
 * @defaultValue `'node'` where `process.getBuiltinModule('node:crypto')` exists, else `'subtle'`
 */
export type FernetCryptoName = 'node' | 'subtle'

/** The primitives Fernet needs. `K` is the provider's imported form of the 16 + 16 key bytes. */
export interface FernetCryptoProvider<K = unknown> {
  readonly name: FernetCryptoName
  importKeys(raw: Uint8Array): K | Promise<K>
  sign(keys: K, data: Uint8Array): Uint8Array | Promise<Uint8Array>
  /** Compares in constant time. */
  verify(keys: K, data: Uint8Array, mac: Uint8Array): boolean | Promise<boolean>
  encrypt(keys: K, iv: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Uint8Array | Promise<Uint8Array>
  /** Throws when the PKCS#7 padding is invalid. */
  decrypt(keys: K, iv: Uint8Array<ArrayBuffer>, data: Uint8Array): Uint8Array | Promise<Uint8Array>
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle
  if (!s) throw configError('No Web Crypto (`crypto.subtle`) here. Run on Node 20+, Bun, Deno or an edge runtime.')
  return s
}

interface SubtleKeys {
  signing: CryptoKey
  encryption: CryptoKey
}

const subtleProvider: FernetCryptoProvider<SubtleKeys> = {
  name: 'subtle',
  importKeys: async (raw) => {
    const s = subtle()
    const [signing, encryption] = await Promise.all([
      s.importKey('raw', raw.slice(0, 16), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']),
      s.importKey('raw', raw.slice(16), { name: 'AES-CBC' }, false, ['encrypt', 'decrypt']),
    ])
    return { signing, encryption }
  },
  sign: async (keys, data) => new Uint8Array(await subtle().sign('HMAC', keys.signing, data as Uint8Array<ArrayBuffer>)),
  verify: (keys, data, mac) => subtle().verify('HMAC', keys.signing, mac as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>),
  encrypt: async (keys, iv, data) => new Uint8Array(await subtle().encrypt({ name: 'AES-CBC', iv }, keys.encryption, data)),
  decrypt: async (keys, iv, data) => new Uint8Array(await subtle().decrypt({ name: 'AES-CBC', iv }, keys.encryption, data as Uint8Array<ArrayBuffer>)),
}

interface NodeKeys {
  signing: NodeCrypto.KeyObject
  encryption: NodeCrypto.KeyObject
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (b.length === 0) return a
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

function nodeProvider(c: typeof NodeCrypto): FernetCryptoProvider<NodeKeys> {
  const mac = (keys: NodeKeys, data: Uint8Array) => c.createHmac('sha256', keys.signing).update(data).digest()
  return {
    name: 'node',
    importKeys: (raw) => ({ signing: c.createSecretKey(raw.subarray(0, 16)), encryption: c.createSecretKey(raw.subarray(16, 32)) }),
    sign: mac,
    verify: (keys, data, expected) => expected.length === 32 && c.timingSafeEqual(mac(keys, data), expected),
    encrypt: (keys, iv, data) => {
      const cipher = c.createCipheriv('aes-128-cbc', keys.encryption, iv)
      return concat(cipher.update(data), cipher.final())
    },
    decrypt: (keys, iv, data) => {
      const decipher = c.createDecipheriv('aes-128-cbc', keys.encryption, iv)
      return concat(decipher.update(data), decipher.final())
    },
  }
}

let nodeCached: FernetCryptoProvider<NodeKeys> | null | undefined

function loadNode(): FernetCryptoProvider<NodeKeys> | null {
  if (nodeCached === undefined) {
    const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    let mod: unknown
    try {
      mod = process?.getBuiltinModule?.('node:crypto')
    } catch {
      mod = undefined
    }
    const usable = typeof (mod as Partial<typeof NodeCrypto> | undefined)?.createDecipheriv === 'function'
    nodeCached = usable ? nodeProvider(mod as typeof NodeCrypto) : null
  }
  return nodeCached
}

/** The provider for `name`; without one, node:crypto when the runtime offers it, else Web Crypto. */
export function cryptoProvider(name?: FernetCryptoName): FernetCryptoProvider {
  if (name === undefined) return (loadNode() ?? subtleProvider) as FernetCryptoProvider
  if (name === 'subtle') return subtleProvider as FernetCryptoProvider
  if (name === 'node') {
    const node = loadNode()
    if (node) return node as FernetCryptoProvider
    throw configError("`crypto: 'node'` needs `process.getBuiltinModule` (Node >= 20.16, Bun, Deno). Use 'subtle' or omit it.")
  }
  throw configError(`\`crypto\` must be 'node' or 'subtle' (got ${describe(name)}). Omit it for the fastest.`)
}
