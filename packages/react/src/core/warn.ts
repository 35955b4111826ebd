const seen = new Set<string>()

/**
 * A development-only warning, printed once per distinct message. Call sites
 * guard with `process.env.NODE_ENV !== 'production'` too, so a production
 * bundle drops the message strings as well.
 */
export function warn(message: string): void {
  if (process.env.NODE_ENV === 'production' || seen.has(message)) return
  seen.add(message)
  console.warn(`[@payfect/react] ${message}`)
}
