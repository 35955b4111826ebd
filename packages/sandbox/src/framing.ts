/**
 * Whether the hosted checkout page may be framed, for rehearsing a refused frame:
 * `allow` (`frame-ancestors *`, any shop), `deny` (`X-Frame-Options: DENY`), or
 * `self` (`frame-ancestors 'self'`, a list that leaves every shop out).
 */
export type Framing = 'allow' | 'deny' | 'self'

export const FRAMINGS: readonly Framing[] = ['allow', 'deny', 'self']

export const isFraming = (value: unknown): value is Framing => typeof value === 'string' && (FRAMINGS as readonly string[]).includes(value)

/** The response headers that say it. */
export function framingHeaders(framing: Framing): Record<string, string> {
  if (framing === 'deny') return { 'X-Frame-Options': 'DENY' }
  if (framing === 'self') return { 'Content-Security-Policy': "frame-ancestors 'self'" }
  return { 'Content-Security-Policy': 'frame-ancestors *' }
}
