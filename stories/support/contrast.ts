/** An sRGB colour with alpha, channels 0–255, alpha 0–1. */
export interface Rgba {
  r: number
  g: number
  b: number
  a: number
}

/**
 * Reads `#rgb`, `#rrggbb`, `#rrggbbaa`, and `rgb()`/`rgba()` in either syntax (what
 * `getComputedStyle` returns, and what `styles.css` writes). Anything else throws, naming it.
 */
export function parseColor(value: string): Rgba {
  const text = value.trim().toLowerCase()
  const hex = /^#([0-9a-f]{3,8})$/.exec(text)?.[1]
  if (hex && [3, 6, 8].includes(hex.length)) {
    const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex
    const channel = (at: number) => parseInt(full.slice(at, at + 2), 16)
    return { r: channel(0), g: channel(2), b: channel(4), a: full.length === 8 ? channel(6) / 255 : 1 }
  }
  if (text === 'transparent') return { r: 0, g: 0, b: 0, a: 0 }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(text)
  if (rgb) {
    const [, r = '0', g = '0', b = '0', alpha] = rgb
    const a = alpha === undefined ? 1 : alpha.endsWith('%') ? parseFloat(alpha) / 100 : parseFloat(alpha)
    return { r: parseFloat(r), g: parseFloat(g), b: parseFloat(b), a }
  }
  throw new Error(`Cannot read the colour "${value}": write it as #rrggbb or rgb(r g b / a).`)
}

/** `top` laid over an opaque `bottom`, as the page paints it. */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const mix = (upper: number, lower: number) => upper * top.a + lower * (1 - top.a)
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 }
}

function luminance({ r, g, b }: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/** The WCAG 2.2 contrast ratio of two opaque colours, 1 to 21. */
export function contrastRatio(first: Rgba | string, second: Rgba | string): number {
  const a = luminance(typeof first === 'string' ? parseColor(first) : first)
  const b = luminance(typeof second === 'string' ? parseColor(second) : second)
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
}

/** `4.5` → `"4.50:1"`, for messages and tables. */
export const formatRatio = (ratio: number) => `${ratio.toFixed(2)}:1`
