import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

// Fernet (https://github.com/fernet/spec), the sandbox's own, on node:crypto: it signs
// callbacks exactly as Payfect does, independently of the client the sandbox tests.
// Token: 0x80 | timestamp (u64 BE, Unix seconds) | IV (16) | AES-128-CBC ciphertext | HMAC-SHA256 (32).

const VERSION = 0x80
const HEADER = 1 + 8 + 16
const HMAC_LENGTH = 32
const FERNET_KEY = /^[A-Za-z0-9_-]{43}=$/

/** Options of {@link fernetEncrypt}; both exist for the spec's vectors and tests. */
export interface FernetEncryptOptions {
  /** The token's timestamp in Unix seconds. @defaultValue now */
  now?: number
  /** The 16-byte IV. @defaultValue 16 random bytes */
  iv?: Uint8Array
}

/** True for a Fernet key as Python's `Fernet.generate_key()` writes it: base64url of 32 bytes, 44 characters ending in `=`. */
export function isFernetKey(value: unknown): value is string {
  return typeof value === 'string' && FERNET_KEY.test(value)
}

/** A fresh Fernet key, like Python's `Fernet.generate_key()`. */
export function generateFernetKey(): string {
  return randomBytes(32).toString('base64url') + '='
}

function keyParts(secret: string): { signing: Buffer; encryption: Buffer } {
  if (!isFernetKey(secret)) throw new TypeError('A Fernet key is base64url of 32 bytes: 44 characters ending in "=".')
  const key = Buffer.from(secret, 'base64url')
  return { signing: key.subarray(0, 16), encryption: key.subarray(16, 32) }
}

/** Encrypts and signs `text` (UTF-8) into a Fernet token, as Python's `Fernet(key).encrypt(data)`. */
export function fernetEncrypt(secret: string, text: string, options: FernetEncryptOptions = {}): string {
  const { signing, encryption } = keyParts(secret)
  const iv = options.iv ? Buffer.from(options.iv) : randomBytes(16)
  if (iv.length !== 16) throw new TypeError('The Fernet IV must be 16 bytes.')
  const seconds = Math.floor(options.now ?? Date.now() / 1000)
  const header = Buffer.alloc(HEADER)
  header[0] = VERSION
  header.writeBigUInt64BE(BigInt(seconds), 1)
  iv.copy(header, 9)
  const cipher = createCipheriv('aes-128-cbc', encryption, iv)
  const body = Buffer.concat([header, cipher.update(text, 'utf8'), cipher.final()])
  const mac = createHmac('sha256', signing).update(body).digest()
  return base64urlPadded(Buffer.concat([body, mac]))
}

/** Options of {@link fernetDecrypt}. */
export interface FernetDecryptOptions {
  /** Refuse tokens older than this many seconds. @defaultValue no limit, as Python's `decrypt(token)` */
  ttlSeconds?: number
  /** The current time in Unix seconds. @defaultValue now */
  now?: number
}

/**
 * Checks and decrypts a Fernet token to its UTF-8 text; throws an `Error` naming
 * what was wrong (format, version, signature, age). The sandbox uses it only to
 * show whether a recorded delivery's signature still matches its body.
 */
export function fernetDecrypt(secret: string, token: string, options: FernetDecryptOptions = {}): string {
  const { signing, encryption } = keyParts(secret)
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(token)) throw new Error('The token is not base64url.')
  const bytes = Buffer.from(token, 'base64url')
  if (bytes.length < HEADER + 16 + HMAC_LENGTH || (bytes.length - HEADER - HMAC_LENGTH) % 16 !== 0) throw new Error('The token is too short or truncated.')
  if (bytes[0] !== VERSION) throw new Error('The token has an unknown version.')
  const body = bytes.subarray(0, bytes.length - HMAC_LENGTH)
  const mac = createHmac('sha256', signing).update(body).digest()
  if (!timingSafeEqual(mac, bytes.subarray(bytes.length - HMAC_LENGTH))) throw new Error('The token’s signature does not match this key.')
  const issued = Number(bytes.readBigUInt64BE(1))
  const now = options.now ?? Date.now() / 1000
  if (options.ttlSeconds !== undefined && issued + options.ttlSeconds < now) throw new Error('The token has expired.')
  const decipher = createDecipheriv('aes-128-cbc', encryption, bytes.subarray(9, HEADER))
  try {
    return Buffer.concat([decipher.update(body.subarray(HEADER)), decipher.final()]).toString('utf8')
  } catch {
    throw new Error('The token’s padding is invalid.')
  }
}

function base64urlPadded(bytes: Buffer): string {
  const text = bytes.toString('base64url')
  return text + '='.repeat((4 - (text.length % 4)) % 4)
}
