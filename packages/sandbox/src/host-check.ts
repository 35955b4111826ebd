import type { IncomingMessage } from 'node:http'
import { networkInterfaces } from 'node:os'
import { HttpError } from './http'

/**
 * The `Host` names the sandbox's own routes (controls, state, dashboard) answer to:
 * loopback, the address it was started on, and for a wildcard listen (`0.0.0.0`,
 * `::`) this machine's own addresses. A page on another site that rebinds its DNS
 * name to 127.0.0.1 still sends its own name as `Host`, so it is refused.
 */
export function allowedHosts(listenHost: string): Set<string> {
  const hosts = new Set(['localhost', '127.0.0.1', '::1', normalise(listenHost)])
  if (listenHost === '0.0.0.0' || listenHost === '::') {
    for (const list of Object.values(networkInterfaces())) for (const info of list ?? []) hosts.add(normalise(info.address))
  }
  return hosts
}

/** The host part of a `Host` header, lower case, without port or IPv6 brackets. */
export function hostName(header: string): string {
  const text = header.trim().toLowerCase()
  if (text.startsWith('[')) return text.slice(1, text.indexOf(']') === -1 ? undefined : text.indexOf(']'))
  return text.replace(/:\d*$/, '').replace(/\.$/, '')
}

const normalise = (host: string): string => hostName(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host)

const isLoopback = (name: string): boolean => name === 'localhost' || name.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(name) || name === '::1'

/**
 * Refuses a request to a sandbox-only route whose `Host` is not one of {@link allowedHosts}.
 *
 * @throws {HttpError} 403 naming the host, the reason and the address to use instead.
 */
export function checkHost(req: IncomingMessage, allowed: ReadonlySet<string>, origin: string): void {
  const header = req.headers.host ?? ''
  const name = hostName(header)
  if (isLoopback(name) || allowed.has(name)) return
  throw new HttpError(403, {
    detail:
      `The sandbox's own pages and controls answer only requests addressed to loopback or to the --host it was started with, not to "${header.slice(0, 100)}": ` +
      `this keeps a web page from reaching them through DNS rebinding. Open ${origin}/_sandbox instead, or start the sandbox with --host ${name.slice(0, 100) || '<address>'}.`,
  })
}
