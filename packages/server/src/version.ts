/**
 * The version of `@payfect/server`, sent to Payfect in `User-Agent` and
 * `X-Payfect-Client-User-Agent` so support can tell SDK versions apart.
 * Kept equal to `package.json` by a test (no JSON import, so edge bundlers need nothing special).
 */
export const VERSION = '0.1.0'

/** The client header value: `payfect-server/<version>`. */
export const USER_AGENT = `payfect-server/${VERSION}`
