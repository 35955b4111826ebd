import { popupFeatures, type PopupSize } from './popup'

/**
 * Opens `href` in a new, centred window of its own (`_blank`: never a shared name), or `null`
 * when the browser blocked it. Call it inside the shopper's click.
 */
export function openCheckoutWindow(href: string, size?: PopupSize): Window | null {
  try {
    return window.open(href, '_blank', popupFeatures(window, size))
  } catch {
    return null
  }
}
