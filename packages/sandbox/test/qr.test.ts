import jsQR from 'jsqr'
import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { qrSvg } from '../src/qr'
import { depositAddressFor } from '../src/tron-address'

/** Draws the dark path of a `qrcode` SVG back into a bitmap (`scale` px a module) and reads it with jsQR. */
function decodeSvg(svg: string, scale = 6): string | undefined {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1])
  const d = /<path stroke="[^"]+" d="([^"]+)"/.exec(svg)?.[1] ?? ''
  const dark = new Set<string>()
  let x = 0
  let y = 0
  for (const [, cmd, a, b] of d.matchAll(/([Mmh])(\d+(?:\.\d+)?)(?: (\d+(?:\.\d+)?))?/g)) {
    if (cmd === 'M') [x, y] = [Number(a), Math.floor(Number(b))]
    else if (cmd === 'm') x += Number(a)
    else for (let i = 0; i < Number(a); i++, x++) dark.add(`${x},${y}`)
  }
  const px = size * scale
  const rgba = new Uint8ClampedArray(px * px * 4).fill(255)
  for (let py = 0; py < px; py++) {
    for (let pxX = 0; pxX < px; pxX++) {
      if (!dark.has(`${Math.floor(pxX / scale)},${Math.floor(py / scale)}`)) continue
      const o = (py * px + pxX) * 4
      rgba[o] = rgba[o + 1] = rgba[o + 2] = 0
    }
  }
  return jsQR(rgba, px, px)?.data
}

describe('qrSvg', () => {
  const address = depositAddressFor('ed8d24aa-a860-426b-8e56-87cb9f55a081')

  it('draws a code that a QR reader decodes back to the address', async () => {
    const svg = await qrSvg(address)
    expect(decodeSvg(svg)).toBe(address)
  })

  it('is the qrcode package output for the address: same modules, size and quiet zone', async () => {
    const svg = await qrSvg(address, { margin: 2 })
    const reference = await QRCode.toString(address, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
    const modules = QRCode.create(address, { errorCorrectionLevel: 'M' }).modules.size
    expect(svg).toContain(`viewBox="0 0 ${modules + 4} ${modules + 4}"`)
    const pathOf = (s: string) => /<path stroke="[^"]+" d="([^"]+)"/.exec(s)?.[1]
    expect(pathOf(svg)).toBe(pathOf(reference))
    expect(pathOf(svg)).toBeTruthy()
  })

  it('is an accessible image with no fixed size, its label escaped', async () => {
    const svg = await qrSvg(address, { label: 'Pay "here" <now>', className: 'pf-qr__code' })
    expect(svg).toMatch(/^<svg class="pf-qr__code" role="img" aria-label="Pay &quot;here&quot; &lt;now&gt;" focusable="false" /)
    expect(svg).not.toMatch(/ (width|height)="/)
    expect(decodeSvg(svg)).toBe(address)
  })

  it('refuses empty input with a message that says what to pass', async () => {
    await expect(qrSvg('')).rejects.toThrow(/non-empty string/)
  })
})
