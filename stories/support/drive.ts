/**
 * Small helpers for the state galleries, which drive real components into a state as they mount
 * (no shopper, no play function): they click, wait and close the way a shopper would.
 */

/** Resolves with `probe()`'s first truthy value, checking every 50 ms; rejects after `timeoutMs`. */
export function until<T>(probe: () => T | null | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const check = () => {
      const value = probe()
      if (value) return resolve(value)
      if (Date.now() - started > timeoutMs) return reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`))
      setTimeout(check, 50)
    }
    check()
  })
}

/** The modal showing the checkout made for `reference` (its id carries the order's reference), portalled to `<body>`. */
export function modalFor(reference: string): HTMLElement | null {
  const frame = document.querySelector<HTMLIFrameElement>(`iframe[data-slot="checkout-frame"][src*="${CSS.escape(reference)}"]`)
  return frame?.closest<HTMLElement>('[data-slot="checkout-modal"]') ?? null
}

/** The hosted page's "Simulate payment" control inside the modal's frame, once the page and its script have loaded. */
export function payControl(modal: HTMLElement): HTMLButtonElement | null {
  const page = modal.querySelector<HTMLIFrameElement>('iframe[data-slot="checkout-frame"]')?.contentDocument
  if (page?.readyState !== 'complete' || modal.hasAttribute('data-loading')) return null
  return page.querySelector<HTMLButtonElement>('[data-action="pay"]')
}

/**
 * A window that opened and stays open on the checkout, never landing: what "Open in a new window"
 * gets in a gallery, where no real window may open (there is no click to allow it).
 */
export function stayingWindow(): Window {
  const stand = { closed: false, location: { href: 'about:blank' }, close: () => void (stand.closed = true), focus: () => undefined }
  return stand as unknown as Window
}

/** Runs `action` with `window.open` answering `opened` (a real popup needs a shopper's click). */
export function withWindowOpen(opened: Window | null, action: () => void): void {
  const open = window.open
  window.open = () => opened
  try {
    action()
  } finally {
    window.open = open
  }
}

/** At most `limit` drivers at once: each opens a modal and a hosted page, and the machine may be small. */
export function queue(limit: number) {
  let running = 0
  const waiting: Array<() => void> = []
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
    running++
    try {
      return await task()
    } finally {
      running--
      waiting.shift()?.()
    }
  }
}
