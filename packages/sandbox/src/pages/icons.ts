import { raw, type SafeHtml } from './html'

// Decorative inline icons (aria-hidden): no icon font, no network request.
const svg = (body: string, size = 16): SafeHtml =>
  raw(
    `<svg class="pf-icon" width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`,
  )

export const icons = {
  copy: () => svg('<rect x="9" y="9" width="12" height="12" rx="2"/><path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1"/>'),
  check: (size = 16) => svg('<path d="M20 6 9 17l-5-5"/>', size),
  clock: () => svg('<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>'),
  alert: () => svg('<path d="M12 9v4M12 17h.01"/><path d="M10.3 3.9 2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z"/>'),
  hourglass: (size = 16) => svg('<path d="M6 2h12M6 22h12M7 2c0 5 10 5 10 10S7 17 7 22M17 2c0 5-10 5-10 10s10 5 10 10"/>', size),
  x: (size = 16) => svg('<path d="M18 6 6 18M6 6l12 12"/>', size),
  flask: () => svg('<path d="M9 3h6M10 3v6L4.5 18.5A1.7 1.7 0 0 0 6 21h12a1.7 1.7 0 0 0 1.5-2.5L14 9V3"/><path d="M7 15h10"/>'),
  lock: () => svg('<rect x="4" y="11" width="16" height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/>'),
  /** Tether's mark: a ₮ on a green disc. */
  tether: (size = 20) =>
    raw(
      `<svg class="pf-token" width="${size}" height="${size}" viewBox="0 0 32 32" aria-hidden="true" focusable="false"><circle cx="16" cy="16" r="16" fill="#26a17b"/><path fill="#fff" d="M17.9 17.3v0c-.1 0-.7.1-2 .1-1 0-1.8 0-2-.1v0c-3.9-.2-6.9-.9-6.9-1.7s3-1.5 6.9-1.7v2.7c.3 0 1 .1 2 .1 1.2 0 1.8-.1 2-.1v-2.7c3.9.2 6.8.9 6.8 1.7s-2.9 1.5-6.8 1.7Zm0-3.6v-2.4h5.5V7.6H8.6v3.7h5.5v2.4c-4.5.2-7.8 1.1-7.8 2.1s3.3 1.9 7.8 2.1v7.6h3.8v-7.6c4.4-.2 7.8-1.1 7.8-2.1s-3.4-1.9-7.8-2.1Z"/></svg>`,
    ),
}
