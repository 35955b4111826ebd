import type { Checkout } from '../types'

/**
 * `GET ?id=` reads, single-flight per id and kept about a second: every poll is a Payfect
 * call, and many tabs (or a merchant's status display beside the modal) poll the same checkout.
 * A failed read is forgotten at once, so the next poll tries again.
 */
export function statusReads(ttlMs = 1_000, max = 1_000) {
  const entries = new Map<string, { settledAt: number; value: Promise<Checkout> }>()
  return function read(id: string, load: () => Promise<Checkout>): Promise<Checkout> {
    const now = Date.now()
    const hit = entries.get(id)
    if (hit && now - hit.settledAt < ttlMs) return hit.value
    if (entries.size >= max) {
      for (const [key, entry] of entries) if (now - entry.settledAt >= ttlMs) entries.delete(key)
      if (entries.size >= max) entries.delete(entries.keys().next().value!)
    }
    // Pending entries never go stale (settledAt is in the future): callers share the call in flight.
    const entry = { settledAt: Number.POSITIVE_INFINITY, value: load() }
    entries.set(id, entry)
    entry.value.then(
      () => (entry.settledAt = Date.now()),
      () => entries.get(id) === entry && entries.delete(id),
    )
    return entry.value
  }
}
