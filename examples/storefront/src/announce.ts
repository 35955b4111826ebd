/**
 * Reads a short message out through the page's polite live region (`#announcer`
 * in index.html). It sits outside the React root, so it never keeps the shop
 * visible to assistive technology behind the checkout modal, as an `aria-live`
 * region inside `#root` would.
 */
export function announce(message: string) {
  const region = document.getElementById('announcer')
  if (region) region.textContent = message
}
