import { delegateToStandard } from './lazy-standard'

// The headers of toNodeHandler's lighter request: `get` reads node's raw header pairs as
// `Headers#get` would (any case, repeated values joined by ", "); anything else, or any
// call once the standard `Headers` exists, is answered by one built on first use.

const raw = Symbol('raw')
const standard = Symbol('standard')

class NodeHeaders {
  private [raw]: string[]
  private [standard]: Headers | undefined

  constructor(rawHeaders: string[]) {
    this[raw] = rawHeaders
  }

  get(name: string): string | null {
    if (this[standard]) return this[standard].get(name)
    const wanted = String(name).toLowerCase()
    const pairs = this[raw]
    let value: string | null = null
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const key = pairs[i]!
      if (key.length === wanted.length && key.toLowerCase() === wanted) value = value === null ? pairs[i + 1]! : `${value}, ${pairs[i + 1]}`
    }
    return value
  }
}

delegateToStandard(NodeHeaders, Headers, (self) => (self[standard] ??= standardHeaders(self[raw])))

/** Node's raw header pairs as a standard `Headers`; HTTP/2 pseudo-headers (`:path`) left out. */
export function standardHeaders(rawHeaders: string[]): Headers {
  const headers = new Headers()
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!
    if (!name.startsWith(':')) headers.append(name, rawHeaders[i + 1]!)
  }
  return headers
}

/** `Headers` over node's raw header pairs that cost nothing until more than `get` is asked of them. */
export function nodeHeaders(rawHeaders: string[]): Headers {
  return new NodeHeaders(rawHeaders) as unknown as Headers
}
