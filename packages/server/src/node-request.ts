import { BUFFERED_BODY, STANDARD_REQUEST } from './request-fast-path'

// The request `toNodeHandler` gives the SDK's own handlers: `method`, `url` and `headers`
// are its own, the body is already in a buffer (`BUFFERED_BODY`), and the standard
// `Request` is built only if something else is asked of it (`body`, `text()`, `signal`,
// `clone()`…). `instanceof Request` holds; merchant callbacks get the standard one.

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
    return this[standard]?.headers ?? this[init].headers
  }

  [STANDARD_REQUEST](): Request {
    return (this[standard] ??= this[init].standard())
  }
}

// Everything else a `Request` has is answered by the standard one, built on first use.
Object.setPrototypeOf(NodeRequest.prototype, Request.prototype)
for (const name of Object.getOwnPropertyNames(Request.prototype)) {
  if (name === 'constructor' || Object.hasOwn(NodeRequest.prototype, name)) continue
  const property = Object.getOwnPropertyDescriptor(Request.prototype, name)!
  const real = (self: NodeRequest) => self[STANDARD_REQUEST]() as unknown as Record<string, unknown>
  if (property.get) {
    Object.defineProperty(NodeRequest.prototype, name, {
      configurable: true,
      get(this: NodeRequest) {
        return real(this)[name]
      },
    })
  } else if (typeof property.value === 'function') {
    Object.defineProperty(NodeRequest.prototype, name, {
      configurable: true,
      writable: true,
      value(this: NodeRequest, ...args: unknown[]) {
        const request = real(this)
        return (request[name] as (...args: unknown[]) => unknown).apply(request, args)
      },
    })
  }
}

/** A `Request` that costs no more than its method, URL and headers until more is asked of it. */
export function nodeRequest(from: NodeRequestInit): Request {
  return new NodeRequest(from) as unknown as Request
}
