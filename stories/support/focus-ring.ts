import { composite, contrastRatio, formatRatio, parseColor, type Rgba } from './contrast'

/** What a focused part's ring measures against what it sits on. */
export interface FocusRingMeasure {
  /** The ring's colour, as computed. */
  ring: Rgba
  /** The ring against what it is drawn on (the surface behind the part, or the part itself without an offset). */
  ratio: number
  /** The inset line a Payfect button draws on its own colour, against that colour; `undefined` without one. */
  insetRatio?: number
  /** Why the ring cannot count, if it cannot: none, thin, or translucent. */
  problem?: string
}

/** The colour behind `element`: its ancestors' backgrounds, translucent ones laid over the first opaque one. */
export function backdropOf(element: Element): Rgba {
  const layers: Rgba[] = []
  for (let node = element.parentElement; node; node = node.parentElement) {
    const color = parseColor(getComputedStyle(node).backgroundColor)
    if (color.a === 0) continue
    layers.push(color)
    if (color.a === 1) break
  }
  return layers.reduceRight<Rgba>((below, layer) => composite(layer, below), { r: 255, g: 255, b: 255, a: 1 })
}

/** The colour of the last `inset 0 0 0 Npx` shadow (N ≥ 2) in a computed `box-shadow`, if any. */
function insetRing(boxShadow: string): Rgba | undefined {
  const shadows = boxShadow.split(/,(?![^(]*\))/).map((shadow) => shadow.trim())
  for (const shadow of shadows.reverse()) {
    if (!shadow.includes('inset')) continue
    const color = /rgba?\([^)]*\)|#[0-9a-f]{3,8}/i.exec(shadow)?.[0]
    const lengths = [...shadow.replace(color ?? '', '').matchAll(/(-?[\d.]+)px/g)].map((match) => parseFloat(match[1]!))
    if (color && lengths.length === 4 && lengths[0] === 0 && lengths[1] === 0 && lengths[3]! >= 2) return parseColor(color)
  }
  return undefined
}

/** Measures the focused `element`'s ring from computed styles (WCAG 2.2 non-text contrast, 3:1). */
export function measureFocusRing(element: Element): FocusRingMeasure {
  const style = getComputedStyle(element)
  const ring = parseColor(style.outlineColor)
  const width = parseFloat(style.outlineWidth)
  const offset = parseFloat(style.outlineOffset)
  const own = composite(parseColor(style.backgroundColor), backdropOf(element))
  // With an offset the ring is drawn on what surrounds the part; without one it touches the part as well.
  const ratio = Math.min(contrastRatio(ring, backdropOf(element)), offset > 0 ? Infinity : contrastRatio(ring, own))
  const inset = insetRing(style.boxShadow)
  const problem =
    style.outlineStyle === 'none' ? 'no outline' : width < 2 ? `an outline of ${style.outlineWidth}` : ring.a < 1 ? `a translucent ring (${style.outlineColor})` : undefined
  return { ring, ratio, insetRatio: inset && contrastRatio(composite(inset, own), own), problem }
}

/** A one-line account of a measure, for assertion messages. */
export const describeFocusRing = (what: string, measure: FocusRingMeasure) =>
  `${what}: ${measure.problem ?? `ring ${formatRatio(measure.ratio)}${measure.insetRatio === undefined ? '' : `, inset line ${formatRatio(measure.insetRatio)}`}`}`
