import { getDecodeSplit } from './header-values'

/** One parsed policy: its directives by lowercase name (the first of a name wins), and its text. */
export interface CspPolicy {
  /** The serialized policy as the header sent it, for messages and fixes. */
  text: string
  directives: Map<string, string[]>
}

const ASCII_WHITESPACE = /[\t\n\f\r ]+/

/**
 * CSP3 "parse a serialized CSP" (https://www.w3.org/TR/CSP3/#parse-serialized-policy):
 * split on ";", skip empty and non-ASCII tokens, lowercase the name, keep the first of a name.
 */
export function parseCspPolicy(serialized: string): CspPolicy {
  const directives = new Map<string, string[]>()
  for (const raw of serialized.split(';')) {
    const token = raw.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '')
    if (token === '' || !isAscii(token)) continue
    const [name = '', ...value] = token.split(ASCII_WHITESPACE)
    const lower = name.toLowerCase()
    if (!directives.has(lower)) directives.set(lower, value)
  }
  return { text: serialized.trim(), directives }
}

/**
 * The enforced policies a response delivers: every comma-separated policy of every
 * `Content-Security-Policy` header. `Content-Security-Policy-Report-Only` enforces nothing,
 * so it is not read here.
 */
export function enforcedPolicies(headers: Headers): CspPolicy[] {
  return (getDecodeSplit(headers, 'content-security-policy') ?? []).map(parseCspPolicy).filter((policy) => policy.directives.size > 0)
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false
  return true
}
