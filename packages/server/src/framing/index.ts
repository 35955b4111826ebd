// Know before framing (web standards only): may the shop frame the hosted checkout page?
export { decideFraming } from './frame-ancestors'
export type { DecideFramingInput, FramingDecision, FramingHeader, FrameAncestorsDirective } from './frame-ancestors'
export type { XFrameOptions, XFrameOptionsKind } from './x-frame-options'
export { checkFrameSrc } from './frame-src'
export type { FrameSrcInput, FrameSrcRefusal } from './frame-src'
