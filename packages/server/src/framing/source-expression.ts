/**
 * The two source-expression forms that name URLs, parsed by CSP3's grammar
 * (https://www.w3.org/TR/CSP3/#grammardef-source-expression):
 *
 *   scheme-source = scheme-part ":"
 *   host-source   = [ scheme-part "://" ] host-part [ ":" port-part ] [ path-part ]
 *   host-part     = "*" / [ "*." ] 1*host-char *( "." 1*host-char ) [ "." ]
 *   port-part     = 1*DIGIT / "*"
 *   path-part     = path-absolute (but not including ";" or ",")
 */
export type SourceExpression =
  | { kind: 'scheme'; scheme: string }
  | { kind: 'host'; scheme: string | undefined; host: string; port: string | undefined; path: string | undefined }

const SCHEME = '[A-Za-z][A-Za-z0-9+.-]*'
const HOST = '\\*|(?:\\*\\.)?[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.?'
const PCHAR = "(?:[A-Za-z0-9\\-._~!$&'()*+=:@]|%[0-9A-Fa-f]{2})"
const PATH = `/(?:${PCHAR}+(?:/${PCHAR}*)*)?`
const SCHEME_SOURCE = new RegExp(`^(${SCHEME}):$`)
const HOST_SOURCE = new RegExp(`^(?:(${SCHEME})://)?(${HOST})(?::([0-9]+|\\*))?(${PATH})?$`)

/** The expression as a scheme-source or host-source, or `undefined` for anything else (keywords, nonces, typos). */
export function parseSourceExpression(expression: string): SourceExpression | undefined {
  const scheme = SCHEME_SOURCE.exec(expression)
  if (scheme) return { kind: 'scheme', scheme: scheme[1]!.toLowerCase() }
  const host = HOST_SOURCE.exec(expression)
  if (!host) return undefined
  return { kind: 'host', scheme: host[1]?.toLowerCase(), host: host[2]!.toLowerCase(), port: host[3], path: host[4] }
}
