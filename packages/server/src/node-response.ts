import { delegateToStandard } from './lazy-standard'

// The JSON answer of the SDK's own handlers under `toNodeHandler`: status, headers and
// text, which toNodeHandler writes in one `res.end`. Anything else asked of it is answered
// by a standard `Response`, built on first use.

const parts = Symbol('parts')
const standard = Symbol('standard')

interface JsonParts {
  status: number
  text: string
  headers: Record<string, string>
}

class NodeJsonResponse {
  [parts]: JsonParts;
  [standard]: Response | undefined

  constructor(from: JsonParts) {
    this[parts] = from
  }

  get status(): number {
    return this[parts].status
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300
  }
}

function standardResponse(self: NodeJsonResponse): Response {
  const { text, status, headers } = self[parts]
  return (self[standard] ??= new Response(text, { status, headers }))
}

delegateToStandard(NodeJsonResponse, Response, standardResponse)

export function nodeJsonResponse(status: number, text: string, headers: Record<string, string>): Response {
  return new NodeJsonResponse({ status, text, headers }) as unknown as Response
}

/** The parts of a JSON answer nothing has read from yet; `undefined` for any other Response. */
export function unreadJsonResponse(response: Response): JsonParts | undefined {
  const light = response as unknown
  return light instanceof NodeJsonResponse && light[standard] === undefined ? light[parts] : undefined
}
