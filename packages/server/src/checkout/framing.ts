import type { EmbeddableAnswer } from '@payfect/contract'
import { warnOnce } from '../environment'
import type { FramingProbe } from '../framing/framing-probe'
import type { CheckoutCreateParams } from '../types'
import type { RuntimeConfig, StaticConfig } from './config'
import { toCheckoutSummary } from './summary'

// The framing logic lives in the probe (@payfect/server/framing): a route without one pays only for this file.

/** A checkout page of the route's own to probe: one of the catalog's items (else a placeholder), never paid, no callback. */
async function probePage({ catalog, currency }: StaticConfig, { api, hostedOrigins }: RuntimeConfig): Promise<string> {
  const item = catalog.values().next().value
  const priceData = item ? { currency: item.currency, unit_amount: item.unitAmount, product_data: { name: item.name } } : { currency, unit_amount: '1.00', product_data: { name: 'Framing check' } }
  const params: CheckoutCreateParams = { currency: priceData.currency, invoice_items: [{ price_data: priceData, quantity: 1 }] }
  return toCheckoutSummary(await api.create(params), hostedOrigins).url
}

/** `GET ?embeddable`: the probe's answer, or `null` without a probe. */
export function embeddableAnswer(probe: FramingProbe | undefined, config: StaticConfig, runtime: RuntimeConfig, publicOrigin: string): Promise<EmbeddableAnswer> | EmbeddableAnswer {
  const { hostedOrigins } = runtime
  if (probe) return probe.answer({ hostedOrigins, publicOrigin, pageUrl: () => probePage(config, runtime) })
  return { embeddable: null, hostedOrigin: hostedOrigins.length === 1 ? hostedOrigins[0]! : null }
}

/** The development check: once, off the request path, warn with the report's fixes when the modal can't (or may not) show a checkout page. */
export async function warnIfUnframeable(probe: FramingProbe, config: StaticConfig, runtime: RuntimeConfig, publicOrigin: string): Promise<void> {
  try {
    const pageUrl = await probePage(config, runtime)
    const report = await probe.check({ hostedOrigin: new URL(pageUrl).origin, publicOrigin, pageUrl })
    if (report) warnOnce(report)
  } catch (error) {
    warnOnce(`the framing check could not make a checkout page (${(error as Error).message}); run \`payfect-framing-check\` on one.`)
  }
}
