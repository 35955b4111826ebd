// Where an order's open checkout is remembered across a reload, a closed popup or a redirect.
// sessionStorage (this tab only), falling back to memory when storage throws (private modes, sandboxed frames).
const memory = new Map<string, string>()

/** FNV-1a, 32 bits: a short, stable key name that does not spell out the endpoint or the order id. */
function hash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(36)
}

/** The storage key for an order's checkout under one endpoint. */
export function resumeKey(endpoint: string, clientReferenceId: string): string {
  return `payfect:checkout:${hash(`${endpoint}\n${clientReferenceId}`)}`
}

export function readResume(key: string): string | undefined {
  try {
    return globalThis.sessionStorage.getItem(key) ?? undefined
  } catch {
    return memory.get(key)
  }
}

export function writeResume(key: string, id: string): void {
  try {
    globalThis.sessionStorage.setItem(key, id)
  } catch {
    memory.set(key, id)
  }
}

export function clearResume(key: string): void {
  memory.delete(key)
  try {
    globalThis.sessionStorage.removeItem(key)
  } catch {
    // Storage unavailable: memory is all there was.
  }
}

/** The storage key for the checkout a redirect left for, under one endpoint (`useCheckoutReturn` reads it). */
export function returnKey(endpoint: string): string {
  return `payfect:return:${hash(endpoint)}`
}
