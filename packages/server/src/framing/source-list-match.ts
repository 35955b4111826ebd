import { parseSourceExpression } from './source-expression'

/**
 * CSP3 "Does url match source list in origin with redirect count?"
 * (https://www.w3.org/TR/CSP3/#match-url-to-source-list), step by step.
 *
 * @param url - the URL checked: an ancestor's origin for `frame-ancestors`, a frame's URL for `frame-src`
 * @param sources - the directive's value, split on whitespace
 * @param self - the protected resource's origin, which `'self'` and schemeless sources resolve against
 * @param redirectCount - how many redirects led to `url`; after one, paths are not compared
 */
export function matchesSourceList(url: URL, sources: readonly string[], self: URL, redirectCount = 0): boolean {
  if (sources.length === 0) return false
  if (sources.length === 1 && sources[0]!.toLowerCase() === "'none'") return false
  return sources.some((expression) => matchesExpression(url, expression, self, redirectCount))
}

/** CSP3 "Does url match expression in origin with redirect count?" (https://www.w3.org/TR/CSP3/#match-url-to-source-expression). */
export function matchesExpression(url: URL, expression: string, self: URL, redirectCount = 0): boolean {
  const urlScheme = schemeOf(url)
  const selfScheme = schemeOf(self)
  if (expression === '*' && (urlScheme === 'http' || urlScheme === 'https' || urlScheme === selfScheme)) return true
  const source = parseSourceExpression(expression)
  if (source) {
    if (source.scheme !== undefined && !schemePartMatches(source.scheme, urlScheme)) return false
    if (source.kind === 'scheme') return true
    if (url.hostname === '') return false
    if (source.scheme === undefined && !schemePartMatches(selfScheme, urlScheme)) return false
    if (!hostPartMatches(source.host, url.hostname)) return false
    if (!portPartMatches(source.port, url)) return false
    if (source.path && redirectCount === 0 && !pathPartMatches(source.path, url.pathname)) return false
    return true
  }
  if (expression.toLowerCase() === "'self'") {
    if (self.origin === url.origin) return true
    // 'self' upgrades to a secure scheme on the same host and port (or both on their defaults).
    return self.hostname === url.hostname && self.port === url.port && (urlScheme === 'https' || urlScheme === 'wss' || (selfScheme === 'http' && (urlScheme === 'http' || urlScheme === 'ws')))
  }
  return false
}

// http: allows https:, ws: allows wss:, http: and https:, wss: allows https:; never a downgrade.
const UPGRADES: Record<string, readonly string[]> = { http: ['https'], ws: ['wss', 'http', 'https'], wss: ['https'] }

/** CSP3 "scheme-part match": `a` from the expression (or the protected resource), `b` from the URL. */
export function schemePartMatches(a: string, b: string): boolean {
  const [lowerA, lowerB] = [a.toLowerCase(), b.toLowerCase()]
  return lowerA === lowerB || (UPGRADES[lowerA]?.includes(lowerB) ?? false)
}

/**
 * CSP3 "host-part match". An IP address is not a domain, so no host-part matches it, except
 * `127.0.0.1` written out: the spec's grammar note keeps that one, as browsers do.
 */
export function hostPartMatches(pattern: string, host: string): boolean {
  if (!isDomain(host)) return host === '127.0.0.1' && pattern === host
  if (pattern === '*') return true
  const lowerHost = host.toLowerCase()
  if (pattern.startsWith('*.')) return lowerHost.endsWith(pattern.slice(1).toLowerCase())
  return pattern.toLowerCase() === lowerHost
}

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443', ws: '80', wss: '443', ftp: '21' }

/** CSP3 "port-part matches": `*` matches all; no port part matches only the scheme's default port. */
export function portPartMatches(port: string | undefined, url: URL): boolean {
  if (port === '*') return true
  const normalized = port === undefined ? '' : String(Number(port))
  if (normalized === url.port) return true
  return url.port === '' && normalized === DEFAULT_PORTS[schemeOf(url)]
}

/** CSP3 "path-part match": a path ending in "/" matches everything under it; any other path only itself. */
export function pathPartMatches(pathA: string, pathB: string): boolean {
  if (pathA === '') return true
  if (pathA === '/' && pathB === '') return true
  const exact = !pathA.endsWith('/')
  const listA = pathA.split('/')
  const listB = pathB.split('/')
  if (listA.length > listB.length) return false
  if (exact && listA.length !== listB.length) return false
  if (!exact) listA.pop()
  return listA.every((piece, i) => safeDecode(piece) === safeDecode(listB[i]!))
}

function schemeOf(url: URL): string {
  return url.protocol.slice(0, -1)
}

// The URL parser writes IPv4 hosts as dotted decimals and IPv6 hosts in brackets.
function isDomain(host: string): boolean {
  return host !== '' && !host.startsWith('[') && !/^\d+\.\d+\.\d+\.\d+$/.test(host)
}

function safeDecode(piece: string): string {
  try {
    return decodeURIComponent(piece)
  } catch {
    return piece
  }
}
