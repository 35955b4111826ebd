// How `toNodeHandler` and the SDK's own handlers skip work a web `Request` and `Response`
// would cost on Node (undici gives each an AbortSignal and a ReadableStream), while any
// other handler, and every merchant callback, still sees standard objects.
// Edge-safe: symbols only, no Node import. Registered symbols (`Symbol.for`), so the ESM and
// CommonJS copies of the package, if an app loads both, still understand each other.

/** Set by `toNodeHandler` on its request: the whole body, already read into one buffer. */
export const BUFFERED_BODY: unique symbol = Symbol.for('payfect.body') as never

/** Set by `toNodeHandler` on its request: returns the standard web `Request` behind it. */
export const STANDARD_REQUEST: unique symbol = Symbol.for('payfect.request') as never

/** Set by `toNodeHandler` on its request: makes a JSON answer it can write without a web stream. */
export const JSON_RESPONSE: unique symbol = Symbol.for('payfect.json') as never

/** Marks a handler that reads bodies through {@link bufferedBody} and hands callbacks {@link standardRequest}. */
export const FAST_PATH_HANDLER: unique symbol = Symbol.for('payfect.fastPath') as never

interface FastPathRequest {
  [BUFFERED_BODY]?: Uint8Array
  [STANDARD_REQUEST]?: () => Request
  [JSON_RESPONSE]?: (status: number, text: string, headers: Record<string, string>) => Response
}

/** The body bytes `toNodeHandler` already read, or `undefined` for any other request. */
export function bufferedBody(request: Request): Uint8Array | undefined {
  return (request as FastPathRequest)[BUFFERED_BODY]
}

/** The request as a standard `Request`, for code outside the SDK (merchant callbacks). */
export function standardRequest(request: Request): Request {
  return (request as FastPathRequest)[STANDARD_REQUEST]?.() ?? request
}

/** A JSON answer: the lighter one `toNodeHandler` writes directly, or a standard `Response`. */
export function jsonAnswer(request: Request | undefined, status: number, text: string, headers: Record<string, string>): Response {
  const light = request && (request as FastPathRequest)[JSON_RESPONSE]
  return light ? light.call(request, status, text, headers) : new Response(text, { status, headers })
}

/** Marks `handler` as one of the SDK's own, which take `toNodeHandler`'s lighter request. */
export function markFastPath<T extends (request: Request) => unknown>(handler: T): T {
  return Object.defineProperty(handler, FAST_PATH_HANDLER, { value: true })
}

export function isFastPath(handler: unknown): boolean {
  return typeof handler === 'function' && (handler as { [FAST_PATH_HANDLER]?: boolean })[FAST_PATH_HANDLER] === true
}
