/** What a framing diagnostic found: one fact, how bad it is, and the exact fix. */
export interface FramingFinding {
  /** Stable, for code and tests. */
  code: FramingFindingCode
  /** `error`: the modal cannot show the checkout; `warning`: it may not, or could not be told; `info`: for the record. */
  severity: 'error' | 'warning' | 'info'
  message: string
  /** What to change, when something should. */
  fix?: string | undefined
}

export type FramingFindingCode =
  | 'framing-allowed'
  | 'frame-ancestors-refused'
  | 'frame-ancestors-path'
  | 'x-frame-options-refused'
  | 'x-frame-options-overridden'
  | 'x-frame-options-ignored'
  | 'report-only-ignored'
  | 'ip-address-origin'
  | 'redirected'
  | 'checkout-unreachable'
  | 'checkout-not-ok'
  | 'mixed-content'
  | 'frame-src-refused'
  | 'frame-src-allowed'
  | 'shop-page-unreachable'
  | 'shop-page-origin'
