/**
 * Adds `<link rel="preconnect">` for an origin, once per document and origin, so
 * the checkout page's DNS, TCP and TLS are ready before the frame asks for it.
 * Call it from event handlers only: it touches `document`.
 */
export function preconnect(origin: string | undefined, doc: Document | undefined = globalThis.document): void {
  if (!origin || !doc?.head || doc.head.querySelector(`link[rel="preconnect"][href="${origin}"]`)) return
  const link = doc.createElement('link')
  link.rel = 'preconnect'
  link.href = origin
  doc.head.appendChild(link)
}
