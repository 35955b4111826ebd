import { getDecodeSplit } from './header-values'

/**
 * What a response's `X-Frame-Options` says, read by the HTML standard's processing model
 * (https://html.spec.whatwg.org/multipage/document-lifecycle.html#the-x-frame-options-header):
 * - `absent`: no header;
 * - `deny`: refuses every ancestor;
 * - `sameorigin`: allows only ancestors on the page's own origin;
 * - `conflicting`: several distinct values, one of them `DENY`, `SAMEORIGIN` or `ALLOWALL`: refuses every ancestor;
 * - `invalid`: one unknown value (`ALLOW-FROM …`, `ALLOWALL`) or several unknown ones: ignored, as if absent.
 */
export type XFrameOptionsKind = 'absent' | 'deny' | 'sameorigin' | 'conflicting' | 'invalid'

export interface XFrameOptions {
  kind: XFrameOptionsKind
  /** The distinct values, lowercased, in the order they came. */
  values: string[]
}

/** Reads `X-Frame-Options` from `headers`. */
export function readXFrameOptions(headers: Headers): XFrameOptions {
  const raw = getDecodeSplit(headers, 'x-frame-options')
  if (raw === null) return { kind: 'absent', values: [] }
  const values = [...new Set(raw.map((value) => value.toLowerCase()))]
  if (values.length > 1) {
    const confused = values.some((value) => value === 'deny' || value === 'allowall' || value === 'sameorigin')
    return { kind: confused ? 'conflicting' : 'invalid', values }
  }
  const [only] = values
  return { kind: only === 'deny' ? 'deny' : only === 'sameorigin' ? 'sameorigin' : 'invalid', values }
}

/** True when `X-Frame-Options` lets `ancestor` frame a page served from `page`. */
export function xFrameOptionsAllows(xfo: XFrameOptions, ancestor: URL, page: URL): boolean {
  if (xfo.kind === 'deny' || xfo.kind === 'conflicting') return false
  if (xfo.kind === 'sameorigin') return ancestor.origin === page.origin
  return true
}
