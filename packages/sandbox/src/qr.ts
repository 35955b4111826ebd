import QRCode from 'qrcode'
import { escapeHtml } from './pages/html'

/** How `qrSvg` draws the code. */
export interface QrSvgOptions {
  /**
   * The accessible name of the image, read by screen readers.
   * @defaultValue `'QR code'`
   */
  label?: string
  /**
   * Error correction: `M` survives a smudged screen or a logo-free 15 % loss and keeps the code small.
   * @defaultValue `'M'`
   */
  errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'
  /**
   * The quiet zone around the code, in modules. Scanners need at least 2; the standard asks for 4.
   * @defaultValue `2`
   */
  margin?: number
  /**
   * The colour of the dark modules. Keep it dark on light: many scanners cannot read an inverted code.
   * @defaultValue `'#0b1220'`
   */
  dark?: string
  /** @defaultValue `'#ffffff'` */
  light?: string
  /** A class for the `<svg>` element. */
  className?: string
}

/**
 * A real, scannable QR code of `text` as inline SVG markup (drawn by the `qrcode`
 * package). It has no fixed size — size it with CSS — and carries `role="img"` and
 * an accessible name.
 *
 * @example
 * const svg = await qrSvg(address, { label: `QR code of ${address}` })
 */
export async function qrSvg(text: string, options: QrSvgOptions = {}): Promise<string> {
  if (typeof text !== 'string' || text.length === 0) {
    throw new TypeError('qrSvg: `text` must be a non-empty string — pass the deposit address to encode.')
  }
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: options.errorCorrectionLevel ?? 'M',
    margin: options.margin ?? 2,
    color: { dark: options.dark ?? '#0b1220', light: options.light ?? '#ffffff' },
  })
  const label = escapeHtml(options.label ?? 'QR code')
  const cls = options.className ? ` class="${escapeHtml(options.className)}"` : ''
  return svg.trim().replace(/^<svg /, `<svg${cls} role="img" aria-label="${label}" focusable="false" `)
}
