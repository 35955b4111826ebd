import { decodeBase64Url, encodeBase64Url } from './base64url'
import { type FernetCryptoName, type FernetCryptoProvider, cryptoProvider } from './crypto-provider'
import { PayfectConfigurationError, PayfectSignatureError } from './errors'

// Fernet (https://github.com/fernet/spec) with no static `node:` import, so webhook
// verification runs unchanged on Node, Bun, Deno, Workers and Vercel Edge; the primitives
// come from `crypto-provider.ts` (node:crypto where available, else Web Crypto).
// Token: 0x80 | timestamp (u64 BE) | IV (16) | AES-128-CBC ciphertext | HMAC-SHA256 (32).

const VERSION = 0x80
const HEADER_LENGTH = 1 + 8 + 16
const HMAC_LENGTH = 32
const BLOCK = 16
const MIN_TOKEN_LENGTH = HEADER_LENGTH + BLOCK + HMAC_LENGTH
const KEY_CACHE_LIMIT = 32

/** Options of {@link fernet}`.encrypt`. Both exist for tests and test vectors; production code passes neither. */
export interface FernetEncryptOptions {
  /**
   * The token's timestamp, in Unix seconds.
   * @defaultValue the current time
   */
  now?: number
  /**
   * The 16-byte AES-CBC initialisation vector. Never reuse one in production.
   * @defaultValue 16 fresh random bytes
   */
  iv?: Uint8Array
  /**
   * Which crypto implementation to use; see {@link FernetCryptoName}.
   * @defaultValue `'node'` where available, else `'subtle'`
   */
  crypto?: FernetCryptoName
}

/** Options of {@link fernet}`.decrypt`. */
export interface FernetDecryptOptions {
  /**
   * Refuse tokens older than this many seconds (reason `expired`), and tokens
   * dated more than `maxClockSkewSeconds` ahead (reason `future`). Without it
   * the timestamp is not checked, as in Python's `Fernet.decrypt(token)`.
   * @defaultValue undefined (no age limit)
   * @example 300
   */
  ttlSeconds?: number
  /**
   * The current time in Unix seconds, for tests.
   * @defaultValue `Date.now() / 1000`
   */
  now?: number
  /**
   * How far in the future a token's timestamp may be (senders' clocks drift).
   * @defaultValue 60
   */
  maxClockSkewSeconds?: number
  /**
   * Which crypto implementation to use; see {@link FernetCryptoName}.
   * @defaultValue `'node'` where available, else `'subtle'`
   */
  crypto?: FernetCryptoName
}

// Imported keys per provider and secret, so repeated verification skips the import.
const keyCaches = new Map<FernetCryptoProvider, Map<string, unknown>>()

const BAD_SECRET =
  'it must be a Fernet key: the base64url encoding of exactly 32 bytes (44 characters ending in `=`), as shown in the Payfect dashboard. Check the environment variable that holds it, or make one with `fernet.generateKey()`'

/** Parses and imports a key, remembering the CryptoKeys per secret so repeated verification is cheap. */
function importKeys(provider: FernetCryptoProvider, secret: unknown, onBad: (message: string) => Error): unknown {
  if (typeof secret !== 'string' || secret.trim() === '') {
    throw onBad(`The webhook secret is ${typeof secret === 'string' ? 'empty' : `missing (got ${typeof secret})`}; ${BAD_SECRET}.`)
  }
  let keyCache = keyCaches.get(provider)
  if (!keyCache) keyCaches.set(provider, (keyCache = new Map()))
  const cached = keyCache.get(secret)
  if (cached) return cached

  // Secrets read from .env files often carry a trailing newline; Python's Fernet tolerates it too.
  const raw = decodeBase64Url(secret.trim(), 'optional')
  if (!raw || raw.length !== 32) {
    throw onBad(`The webhook secret is not valid; ${BAD_SECRET}.`)
  }
  const keys = provider.importKeys(raw)
  if (keys instanceof Promise) keys.catch(() => keyCache.delete(secret))

  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.delete(keyCache.keys().next().value!)
  keyCache.set(secret, keys)
  return keys
}

const configError = (message: string) => new PayfectConfigurationError({ message })
const signatureError = (reason: 'bad_secret') => (message: string) => new PayfectSignatureError(reason, message)

function generateKey(): string {
  return encodeBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(32)))
}

async function encrypt(secret: string, plaintext: string | Uint8Array, options: FernetEncryptOptions = {}): Promise<string> {
  const provider = cryptoProvider(options.crypto)
  const keys = await importKeys(provider, secret, configError)
  const now = options.now === undefined ? Math.floor(Date.now() / 1000) : Math.floor(options.now)
  if (!Number.isSafeInteger(now) || now < 0) {
    throw configError(`fernet.encrypt: \`now\` must be a non-negative number of Unix seconds; got ${String(options.now)}.`)
  }
  let iv: Uint8Array<ArrayBuffer>
  if (options.iv === undefined) iv = globalThis.crypto.getRandomValues(new Uint8Array(BLOCK))
  else if (options.iv instanceof Uint8Array && options.iv.length === BLOCK) iv = options.iv.slice()
  else throw configError('fernet.encrypt: `iv` must be a Uint8Array of exactly 16 bytes; omit it to use a random one.')

  const data = typeof plaintext === 'string' ? new TextEncoder().encode(plaintext) : plaintext.slice()
  const ciphertext = await provider.encrypt(keys, iv, data)

  const token = new Uint8Array(HEADER_LENGTH + ciphertext.length + HMAC_LENGTH)
  token[0] = VERSION
  new DataView(token.buffer).setBigUint64(1, BigInt(now))
  token.set(iv, 9)
  token.set(ciphertext, HEADER_LENGTH)
  const signed = token.subarray(0, HEADER_LENGTH + ciphertext.length)
  token.set(new Uint8Array(await provider.sign(keys, signed)), signed.length)
  return encodeBase64Url(token)
}

async function decrypt(secret: string, token: string, options: FernetDecryptOptions = {}): Promise<Uint8Array> {
  const provider = cryptoProvider(options.crypto)
  let keys = importKeys(provider, secret, signatureError('bad_secret'))
  if (keys instanceof Promise) keys = await keys
  const malformed = (why: string, cause?: unknown) =>
    new PayfectSignatureError('malformed', `The Fernet token is malformed: ${why}. It must be the token exactly as sent, unmodified and untruncated.`, cause)

  if (typeof token !== 'string' || token === '') throw malformed('it is empty')
  const bytes = decodeBase64Url(token, 'required')
  if (!bytes) throw malformed('it is not padded base64url (characters A-Z a-z 0-9 - _ and `=` padding)')
  if (bytes.length < MIN_TOKEN_LENGTH) throw malformed(`it is ${bytes.length} bytes long, shorter than the ${MIN_TOKEN_LENGTH} of the smallest token`)
  if (bytes[0] !== VERSION) throw malformed(`its version byte is 0x${bytes[0]!.toString(16).padStart(2, '0')}, not 0x80`)
  const ciphertextLength = bytes.length - HEADER_LENGTH - HMAC_LENGTH
  if (ciphertextLength % BLOCK !== 0) throw malformed('its ciphertext is not a whole number of AES blocks')

  // The HMAC goes first: a forged token must say `bad_hmac`, whatever its timestamp claims.
  const signed = bytes.subarray(0, bytes.length - HMAC_LENGTH)
  let ok = provider.verify(keys, signed, bytes.subarray(signed.length))
  if (ok instanceof Promise) ok = await ok
  if (!ok) {
    throw new PayfectSignatureError(
      'bad_hmac',
      'The Fernet token’s HMAC does not match: it was made with a different secret, or altered on the way. Check that the secret is the one Payfect signs with for this endpoint (and the same mode, test or live).',
    )
  }

  if (options.ttlSeconds !== undefined) {
    const now = options.now ?? Date.now() / 1000
    const skew = options.maxClockSkewSeconds ?? 60
    const timestamp = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(1))
    if (timestamp + options.ttlSeconds < now) {
      throw new PayfectSignatureError(
        'expired',
        `The Fernet token is ${Math.round(now - timestamp)} s old, older than the ${options.ttlSeconds} s allowed. A replayed or long-delayed message; if your server clock is wrong, fix it (NTP), else raise the tolerance.`,
      )
    }
    if (timestamp > now + skew) {
      throw new PayfectSignatureError(
        'future',
        `The Fernet token is dated ${Math.round(timestamp - now)} s in the future, beyond the ${skew} s of clock skew allowed. Check this server's clock (NTP).`,
      )
    }
  }

  try {
    const iv = bytes.slice(9, HEADER_LENGTH)
    return await provider.decrypt(keys, iv, bytes.subarray(HEADER_LENGTH, signed.length))
  } catch (cause) {
    throw malformed('its decrypted content has invalid PKCS#7 padding', cause)
  }
}

/**
 * Fernet symmetric tokens, as Payfect signs webhooks with (and Python's
 * `cryptography.fernet.Fernet`). node:crypto where the runtime has it, else Web Crypto; imported keys are cached per secret.
 *
 * @example
 * const secret = fernet.generateKey()
 * const token = await fernet.encrypt(secret, JSON.stringify(event))
 * const bytes = await fernet.decrypt(secret, token, { ttlSeconds: 300 })
 */
export const fernet = {
  /** A new random key: base64url of 32 random bytes (16 signing + 16 encryption). */
  generateKey,
  /** Makes a token of `plaintext` (UTF-8 when a string). Throws `PayfectConfigurationError` for a bad secret or option. */
  encrypt,
  /** Checks and opens a token. Throws `PayfectSignatureError` with a `reason` for anything untrustworthy. */
  decrypt,
} as const
