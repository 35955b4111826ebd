import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { depositAddressFor, isTronAddress } from '../src/tron-address'

// An independent base58 decoder, so the test does not check the code against itself.
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
function decode58(text: string): Buffer {
  let n = 0n
  for (const ch of text) {
    const i = ALPHABET.indexOf(ch)
    if (i < 0) throw new Error(`not base58: ${ch}`)
    n = n * 58n + BigInt(i)
  }
  const hex = n.toString(16)
  const body = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex')
  const zeros = text.length - text.replace(/^1+/, '').length
  return Buffer.concat([Buffer.alloc(zeros), body])
}
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest()

// The USDT (TRC20) contract: a real mainnet address and its hex form, as Tronscan shows both.
const USDT_CONTRACT = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'
const USDT_CONTRACT_HEX = '41a614f803b6fd780986a42c78ec9c7f77e6ded13c'

describe('depositAddressFor', () => {
  it('makes a well-formed Tron base58check address: T…, 34 chars, 0x41 prefix, double-SHA256 checksum', () => {
    for (const id of ['ed8d24aa-a860-426b-8e56-87cb9f55a081', 'x', '', 'ünïcødé ✓', 'a'.repeat(500)]) {
      const address = depositAddressFor(id)
      expect(address).toMatch(/^T[1-9A-HJ-NP-Za-km-z]{33}$/)
      const bytes = decode58(address)
      expect(bytes).toHaveLength(25)
      expect(bytes[0]).toBe(0x41)
      expect(bytes.subarray(21)).toEqual(sha256(sha256(bytes.subarray(0, 21))).subarray(0, 4))
      expect(isTronAddress(address)).toBe(true)
    }
  })

  it('is deterministic, and different checkouts get different addresses', () => {
    expect(depositAddressFor('checkout-1')).toBe(depositAddressFor('checkout-1'))
    const addresses = new Set(Array.from({ length: 1000 }, (_, i) => depositAddressFor(`checkout-${i}`)))
    expect(addresses.size).toBe(1000)
  })
})

describe('isTronAddress', () => {
  it('accepts a real mainnet address whose bytes are known', () => {
    expect(decode58(USDT_CONTRACT).subarray(0, 21).toString('hex')).toBe(USDT_CONTRACT_HEX)
    expect(isTronAddress(USDT_CONTRACT)).toBe(true)
  })

  it('refuses a changed character, a wrong prefix, a wrong length or non-base58 text', () => {
    const good = depositAddressFor('checkout-1')
    const flipped = good.slice(0, 10) + (good[10] === 'a' ? 'b' : 'a') + good.slice(11)
    expect(isTronAddress(flipped)).toBe(false)
    expect(isTronAddress(good.slice(0, 33))).toBe(false)
    expect(isTronAddress(`${good}1`)).toBe(false)
    expect(isTronAddress(good.replace(/.$/, '0'))).toBe(false) // '0' is not in base58
    expect(isTronAddress('')).toBe(false)
    expect(isTronAddress(undefined as unknown as string)).toBe(false)
    // A valid base58check of 25 bytes with a Bitcoin prefix instead of 0x41.
    const bitcoin = Buffer.concat([Buffer.from([0x00]), Buffer.alloc(20, 7)])
    let n = BigInt(`0x${Buffer.concat([bitcoin, sha256(sha256(bitcoin)).subarray(0, 4)]).toString('hex')}`)
    let encoded = ''
    while (n > 0n) {
      encoded = ALPHABET[Number(n % 58n)] + encoded
      n /= 58n
    }
    expect(isTronAddress(`1${encoded}`)).toBe(false)
    expect(isTronAddress(`T${encoded}`.slice(0, 34))).toBe(false)
  })
})
