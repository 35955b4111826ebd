import { delegateToStandard } from './lazy-standard'
import { nodeJsonResponse } from './node-response'
import { BUFFERED_BODY, JSON_RESPONSE, STANDARD_REQUEST } from './request-fast-path'

// The request `toNodeHandler` gives the SDK's own handlers: `method`, `url` and `headers`
// are its own, the body is already in a buffer (`BUFFERED_BODY`), and the standard
// `Request` is built only if something else is asked of it (`body`, `text()`, `signal`,
// `clone()`…). Merchant callbacks get the standard one (`standardRequest`).

/** What a {@link NodeRequest} is made of. */
export interface NodeRequestInit {
  method: string
  url: string
  headers: Headers
  /** The whole body, when it was read up front. */
  body: Uint8Array<ArrayBuffer> | undefined
  /** Builds the standard `Request` (it reads the body, if not buffered, from the socket). */
  standard: () => Request
}

const init = Symbol('init')
const standard = Symbol('standard')

class NodeRequest {
  declare [BUFFERED_BODY]?: Uint8Array
  private [init]: NodeRequestInit
  private [standard]: Request | undefined

  constructor(from: NodeRequestInit) {
    this[init] = from
    if (from.body) this[BUFFERED_BODY] = from.body
  }

  get method(): string {
    return this[init].method
  }

  get url(): string {
    return this[init].url
  }

  get headers(): Headers {
    return this[init].headers
  }

  [STANDARD_REQUEST](): Request {
    return (this[standard] ??= this[init].standard())
  }

  // The answer goes straight back to toNodeHandler, which writes it without a web stream.
  [JSON_RESPONSE](status: number, text: string, headers: Record<string, string>): Response {
    return nodeJsonResponse(status, text, headers)
  }
}

delegateToStandard(NodeRequest, Request, (self) => self[STANDARD_REQUEST]())

/** A `Request` that costs no more than its method, URL and headers until more is asked of it. */
export function nodeRequest(from: NodeRequestInit): Request {
  return new NodeRequest(from) as unknown as Request
}
