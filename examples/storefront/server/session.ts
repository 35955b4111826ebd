import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

const COOKIE = 'shop_session'

/** The browser's session id from its cookie, or `undefined` for a browser that has none yet. */
export function sessionOf(headers: IncomingMessage['headers'] | Headers): string | undefined {
  const cookie = headers instanceof Headers ? headers.get('cookie') : headers.cookie
  const match = cookie?.match(/(?:^|;\s*)shop_session=([a-f0-9]{32})(?:;|$)/)
  return match?.[1]
}

/** The caller's session, starting one (an HttpOnly cookie) when it has none: orders belong to it. */
export function ensureSession(req: IncomingMessage, res: ServerResponse): string {
  const existing = sessionOf(req.headers)
  if (existing) return existing
  const id = randomBytes(16).toString('hex')
  res.setHeader('set-cookie', `${COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`)
  return id
}
