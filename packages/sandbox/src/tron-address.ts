import { createHash } from 'node:crypto'

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
// Every Tron mainnet address is 0x41 followed by the 20-byte account id; in base58check that always starts with `T`.
const TRON_PREFIX = 0x41

function sha256(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest()
}

function checksum(payload: Uint8Array): Buffer {
  return sha256(sha256(payload)).subarray(0, 4)
}

function base58Encode(bytes: Uint8Array): string {
  let n = 0n
  for (const b of bytes) n = (n << 8n) | BigInt(b)
  let out = ''
  while (n > 0n) {
    out = ALPHABET[Number(n % 58n)] + out
    n /= 58n
  }
  for (const b of bytes) {
    if (b !== 0) break
    out = '1' + out
  }
  return out
}

function base58Decode(text: string): Uint8Array | undefined {
  let n = 0n
  for (const ch of text) {
    const digit = ALPHABET.indexOf(ch)
    if (digit < 0) return undefined
    n = n * 58n + BigInt(digit)
  }
  const bytes: number[] = []
  while (n > 0n) {
    bytes.unshift(Number(n & 0xffn))
    n >>= 8n
  }
  for (const ch of text) {
    if (ch !== '1') break
    bytes.unshift(0)
  }
  return Uint8Array.from(bytes)
}

/**
 * The sandbox's deposit address for a checkout: a well-formed Tron base58check address
 * (`T…`, 34 characters) derived from the checkout id, so the same checkout always shows
 * the same address and two checkouts never share one. It belongs to no one: the sandbox
 * never moves real funds.
 *
 * @example
 * depositAddressFor('ed8d24aa-a860-426b-8e56-87cb9f55a081') // 'T…' (34 chars)
 */
export function depositAddressFor(checkoutId: string): string {
  const account = sha256(new TextEncoder().encode(`payfect-sandbox/deposit/${checkoutId}`)).subarray(0, 20)
  const payload = new Uint8Array(21)
  payload[0] = TRON_PREFIX
  payload.set(account, 1)
  const full = new Uint8Array(25)
  full.set(payload)
  full.set(checksum(payload), 21)
  return base58Encode(full)
}

/**
 * Whether `s` is a valid Tron address: base58check of 25 bytes, the `0x41` prefix and
 * a checksum equal to the first four bytes of the payload's double SHA-256.
 */
export function isTronAddress(s: string): boolean {
  if (typeof s !== 'string' || s.length !== 34 || s[0] !== 'T') return false
  const bytes = base58Decode(s)
  if (!bytes || bytes.length !== 25 || bytes[0] !== TRON_PREFIX) return false
  const expected = checksum(bytes.subarray(0, 21))
  return expected.equals(bytes.subarray(21))
}
