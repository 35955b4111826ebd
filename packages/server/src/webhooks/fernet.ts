import { decodeBase64Url, encodeBase64Url } from './base64url'
import { configError, PayfectSignatureError } from '../errors'

// Fernet (https://github.com/fernet/spec) on Web Crypto alone, so webhook verification runs
// unchanged on Node, Bun, Deno, Workers and Vercel Edge.
// Token: 0x80 | timestamp (u64 BE) | IV (16) | AES-128-CBC ciphertext | HMAC-SHA256 (32).

const VERSION = 0x80
const HEADER_LENGTH = 1 + 8 + 16
const HMAC_LENGTH = 32
const BLOCK = 16
const MIN_TOKEN_LENGTH = HEADER_LENGTH + BLOCK + HMAC_LENGTH

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
}

/** The two Web Crypto keys of one Fernet secret. */
export interface FernetKeys {
  signing: CryptoKey
  encryption: CryptoKey
}

/**
 * The 32 bytes of a Fernet key, or `onBad` of a message saying what is wrong with it (never the
 * secret itself). Secrets read from .env files often end in a newline; Python's Fernet tolerates it too.
 */
export function fernetKeyBytes(secret: unknown, onBad: (message: string) => Error): Uint8Array<ArrayBuffer> {
  const raw = typeof secret === 'string' ? decodeBase64Url(secret.trim(), 'optional') : undefined
  if (raw?.length === 32) return raw
  throw onBad(
    `The webhook secret is ${typeof secret === 'string' && secret.trim() ? 'not a Fernet key' : 'missing'}; use the one from the Payfect dashboard (base64url of 32 bytes).`,
  )
}

const subtle = () => globalThis.crypto.subtle

/** Imports a secret's signing (HMAC-SHA256) and encryption (AES-128-CBC) halves. */
export async function importFernetKeys(secret: string, onBad: (message: string) => Error): Promise<FernetKeys> {
  const raw = fernetKeyBytes(secret, onBad)
  const [signing, encryption] = await Promise.all([
    subtle().importKey('raw', raw.slice(0, 16), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']),
    subtle().importKey('raw', raw.slice(16), { name: 'AES-CBC' }, false, ['encrypt', 'decrypt']),
  ])
  return { signing, encryption }
}

const badSecret = (message: string) => new PayfectSignatureError('bad_secret', message)

function generateKey(): string {
  return encodeBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(32)))
}

export async function encrypt(secret: string, plaintext: string | Uint8Array, options: FernetEncryptOptions = {}): Promise<string> {
  const keys = await importFernetKeys(secret, configError)
  const now = options.now === undefined ? Math.floor(Date.now() / 1000) : Math.floor(options.now)
  if (!Number.isSafeInteger(now) || now < 0) {
    throw configError(`fernet.encrypt: \`now\` must be Unix seconds >= 0 (got ${options.now}).`)
  }
  let iv: Uint8Array<ArrayBuffer>
  if (options.iv === undefined) iv = globalThis.crypto.getRandomValues(new Uint8Array(BLOCK))
  else if (options.iv instanceof Uint8Array && options.iv.length === BLOCK) iv = options.iv.slice()
  else throw configError('fernet.encrypt: `iv` must be a Uint8Array of 16 bytes; omit it for a random one.')

  const data = typeof plaintext === 'string' ? new TextEncoder().encode(plaintext) : plaintext.slice()
  const ciphertext = new Uint8Array(await subtle().encrypt({ name: 'AES-CBC', iv }, keys.encryption, data))

  const token = new Uint8Array(HEADER_LENGTH + ciphertext.length + HMAC_LENGTH)
  token[0] = VERSION
  new DataView(token.buffer).setBigUint64(1, BigInt(now))
  token.set(iv, 9)
  token.set(ciphertext, HEADER_LENGTH)
  const signed = token.subarray(0, HEADER_LENGTH + ciphertext.length)
  token.set(new Uint8Array(await subtle().sign('HMAC', keys.signing, signed)), signed.length)
  return encodeBase64Url(token)
}

/** `fernet.decrypt`, importable alone so a webhook route does not bundle `encrypt` and `generateKey`. */
export async function decrypt(secret: string | FernetKeys, token: string, options: FernetDecryptOptions = {}): Promise<Uint8Array> {
  const keys = typeof secret === 'string' ? await importFernetKeys(secret, badSecret) : secret
  const malformed = (why: string, cause?: unknown) =>
    new PayfectSignatureError('malformed', `The Fernet token is malformed (${why}). Pass it exactly as sent, untruncated.`, cause)

  const bytes = typeof token === 'string' ? decodeBase64Url(token, 'required') : undefined
  // Too short, another version, or a ciphertext that is not whole AES blocks: not a Fernet token.
  if (!bytes || bytes.length < MIN_TOKEN_LENGTH || bytes[0] !== VERSION || (bytes.length - HEADER_LENGTH - HMAC_LENGTH) % BLOCK) {
    throw malformed(bytes ? 'wrong length or version' : 'not padded base64url')
  }

  // The HMAC goes first: a forged token must say `bad_hmac`, whatever its timestamp claims.
  const signed = bytes.subarray(0, bytes.length - HMAC_LENGTH)
  if (!(await subtle().verify('HMAC', keys.signing, bytes.slice(signed.length), signed))) {
    throw new PayfectSignatureError('bad_hmac', "The HMAC does not match: another secret signed it, or it was altered. Use this endpoint's secret (same mode, test or live).")
  }

  if (options.ttlSeconds !== undefined) {
    const now = options.now ?? Date.now() / 1000
    const skew = options.maxClockSkewSeconds ?? 60
    const timestamp = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(1))
    if (timestamp + options.ttlSeconds < now) {
      throw new PayfectSignatureError('expired', `The token is ${Math.round(now - timestamp)} s old, over the ${options.ttlSeconds} s allowed. Check this server's clock, or raise the tolerance.`)
    }
    if (timestamp > now + skew) {
      throw new PayfectSignatureError('future', `The token is dated ${Math.round(timestamp - now)} s ahead, over the ${skew} s of skew allowed. Check this server's clock.`)
    }
  }

  try {
    const iv = bytes.slice(9, HEADER_LENGTH)
    return new Uint8Array(await subtle().decrypt({ name: 'AES-CBC', iv }, keys.encryption, bytes.slice(HEADER_LENGTH, signed.length)))
  } catch (cause) {
    throw malformed('bad padding', cause)
  }
}

/**
 * Fernet symmetric tokens, as Payfect signs webhooks with (and Python's
 * `cryptography.fernet.Fernet`). On Web Crypto.
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
