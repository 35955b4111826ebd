// Strict base64url (RFC 4648 §5) on plain Uint8Arrays, so the same code runs on
// Node, Bun, Deno and Workers without `Buffer`. `atob` is not used on purpose:
// it accepts whitespace and sloppy padding, and a signature check must not.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const LOOKUP = new Int16Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i

/** Encodes bytes as base64url, padded with `=` as Fernet tokens and keys are. */
export function encodeBase64Url(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    // The last group pads with `=` for each byte it lacks.
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + (i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? ALPHABET[n & 63] : '=')
  }
  return out
}

/**
 * Decodes base64url. Returns `undefined` (never throws) for anything that is not
 * canonical base64url: a character outside the alphabet, padding in the middle,
 * the wrong amount of padding, or stray bits in the last character.
 *
 * @param padding - `'required'` demands `=` up to a multiple of 4 characters;
 *   `'optional'` also takes the unpadded form (but never wrong padding).
 */
export function decodeBase64Url(text: string, padding: 'required' | 'optional' = 'required'): Uint8Array<ArrayBuffer> | undefined {
  let end = text.length
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--
  const pad = text.length - end
  if (pad > 2) return undefined
  if (pad > 0 || padding === 'required') {
    if (text.length % 4 !== 0) return undefined
  }
  const tail = end % 4
  if (tail === 1) return undefined
  if (pad > 0 && pad !== (4 - tail) % 4) return undefined

  const out = new Uint8Array(Math.floor((end * 3) / 4))
  let bits = 0
  let acc = 0
  let o = 0
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i)
    const v = code < 128 ? LOOKUP[code]! : -1
    if (v < 0) return undefined
    acc = (acc << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >> bits) & 0xff
      acc &= (1 << bits) - 1
    }
  }
  // Leftover bits must be zero, so every byte string has exactly one encoding.
  if (acc !== 0) return undefined
  return out
}
