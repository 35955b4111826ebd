/** The query parameters the route's `GET` answers to. */
export const routeQuery = {
  /** `GET <route>?id=<checkout id>`: the checkout's summary. */
  id: 'id',
  /** `GET <route>?embeddable`: the framing probe's answer, when the merchant turned it on. */
  embeddable: 'embeddable',
} as const

/** The answer to `GET <route>?embeddable`: may the hosted page be framed by this site? */
export interface EmbeddableAnswer {
  /** `true` or `false` when known, `null` when the probe couldn't tell (or is off). */
  embeddable: boolean | null
  /** The hosted origin the answer is about. */
  hostedOrigin: string | null
}
