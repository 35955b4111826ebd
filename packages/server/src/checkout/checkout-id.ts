/** What a Payfect id looks like (UUIDs and prefixed ids alike); nothing that could change a URL path. */
export const PAYFECT_ID = /^[A-Za-z0-9_-]{1,100}$/

/** True for a string that may safely be used as a Payfect id. */
export function isPayfectId(value: unknown): value is string {
  return typeof value === 'string' && PAYFECT_ID.test(value)
}
