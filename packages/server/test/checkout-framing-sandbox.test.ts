import { afterEach, describe, expect, it, vi } from 'vitest'
import { type Sandbox, startSandbox } from '@payfect/sandbox'
import { createCheckoutHandler, createFramingProbe } from '../src/index'

// The route against the sandbox's hosted page, served with each framing policy the sandbox can rehearse.
const SHOP = 'http://shop.example'
const catalog = { 'pro-plan': { name: 'Pro plan', unitAmount: '20.00', currency: 'usdt' } }

let sandbox: Sandbox | undefined
afterEach(async () => {
  vi.restoreAllMocks()
  await sandbox?.close()
  sandbox = undefined
})

async function routeAgainst(framing: 'allow' | 'deny' | 'self', probe: boolean, env = { NODE_ENV: 'production' }) {
  sandbox = await startSandbox({ port: 0, framing })
  const handler = createCheckoutHandler({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.apiBase,
    publicOrigin: SHOP,
    env,
    catalog,
    ...(probe ? { framingProbe: createFramingProbe() } : {}),
  })
  const ask = async () => (await handler(new Request(`${SHOP}/api/payfect/checkouts?embeddable`, { headers: { origin: SHOP } }))).json()
  return { ask, hostedOrigin: new URL(sandbox.apiBase).origin }
}

describe('GET ?embeddable against the sandbox', () => {
  it('probe on, the hosted page sends X-Frame-Options: DENY: false', async () => {
    const { ask, hostedOrigin } = await routeAgainst('deny', true)
    expect(await ask()).toEqual({ embeddable: false, hostedOrigin })
  })

  it("probe on, frame-ancestors 'self' leaves the shop out: false", async () => {
    const { ask, hostedOrigin } = await routeAgainst('self', true)
    expect(await ask()).toEqual({ embeddable: false, hostedOrigin })
  })

  it('probe on, framing allowed: true', async () => {
    const { ask, hostedOrigin } = await routeAgainst('allow', true)
    expect(await ask()).toEqual({ embeddable: true, hostedOrigin })
  })

  it('probe off: null', async () => {
    const { ask, hostedOrigin } = await routeAgainst('deny', false)
    expect(await ask()).toEqual({ embeddable: null, hostedOrigin })
  })

  it('the development check names the header that refuses the frame', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await routeAgainst('deny', true, { NODE_ENV: 'development' })
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining('X-Frame-Options: DENY')))
    expect(String(warn.mock.calls.find(([text]) => String(text).includes('X-Frame-Options'))?.[0])).toContain('decided by x-frame-options')
  })
})
