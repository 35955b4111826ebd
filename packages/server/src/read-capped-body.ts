/**
 * Reads a request body into memory, stopping as soon as it passes `limit` bytes
 * (declared by `Content-Length` or counted while streaming) and cancelling the
 * stream, so a client sending megabytes never makes the server buffer them.
 * Resolves `undefined` when the body is over the limit.
 */
export async function readCappedBody(request: Request, limit: number): Promise<Uint8Array | undefined> {
  if (Number(request.headers.get('content-length')) > limit) {
    await request.body?.cancel().catch(() => {})
    return undefined
  }
  if (!request.body) return new Uint8Array(0)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      return undefined
    }
    chunks.push(value)
  }
  const body = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}

/** True when something already read or locked the body: the route can no longer see it. */
export const bodyAlreadyRead = (request: Request): boolean => request.bodyUsed || request.body?.locked === true
