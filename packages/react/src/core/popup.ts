/** The size of the checkout popup, in CSS pixels. */
export interface PopupSize {
  /** CSS pixels, clamped to the opener's window. @example 480 */
  width: number
  /** CSS pixels, clamped to the opener's window. @example 720 */
  height: number
}

/** Where the opener window sits on screen (`window.screenX`, `outerWidth`…). */
export interface OpenerGeometry {
  screenX: number
  screenY: number
  outerWidth: number
  outerHeight: number
}

export const defaultPopupSize: PopupSize = { width: 480, height: 720 }

/**
 * The `window.open` features for a popup centred over the opener, clamped to the
 * screen's top-left corner. The `popup` keyword asks for a minimal window.
 */
export function popupFeatures(opener: OpenerGeometry, size: PopupSize = defaultPopupSize): string {
  const width = Math.min(size.width, Math.max(opener.outerWidth, 320))
  const height = Math.min(size.height, Math.max(opener.outerHeight, 480))
  const left = Math.max(0, Math.round(opener.screenX + (opener.outerWidth - width) / 2))
  const top = Math.max(0, Math.round(opener.screenY + (opener.outerHeight - height) / 2))
  return `popup,width=${width},height=${height},left=${left},top=${top}`
}

/**
 * Opens an empty, centred popup now — call it inside the user's click, before any
 * `await`, so popup blockers allow it — to be pointed at the checkout once it
 * exists. `null` when blocked. Each call is its own window (`_blank`): a shared
 * name would let one button's popup report for another's checkout.
 */
export function openBlankPopup(opener: Window, size?: PopupSize): Window | null {
  try {
    return opener.open('about:blank', '_blank', popupFeatures(opener, size))
  } catch {
    return null
  }
}
