import { afterEach, describe, expect, it } from 'vitest'
import { parseCli } from '../src/cli-args'
import { startSandbox, type Sandbox } from '../src/index'
import { call } from './support'

let sb: Sandbox | undefined
afterEach(async () => {
  await sb?.close()
  sb = undefined
})

async function checkoutPage(s: Sandbox) {
  const created = await call(s, 'POST', '/api/v1/checkouts/', {
    body: { currency: 'usdt', invoice_items: [{ price_data: { currency: 'usdt', unit_amount: '1', product_data: { name: 'A' } }, quantity: 1 }] },
  })
  return fetch(created.body.url)
}
const framingOf = (res: Response) => [res.status, res.headers.get('x-frame-options'), res.headers.get('content-security-policy')]

describe('the hosted page can refuse to be framed', () => {
  it('lets any shop frame it by default', async () => {
    sb = await startSandbox({ port: 0 })
    expect(framingOf(await checkoutPage(sb))).toEqual([200, null, 'frame-ancestors *'])
  })

  it('answers X-Frame-Options: DENY with framing "deny"', async () => {
    sb = await startSandbox({ port: 0, framing: 'deny' })
    expect(framingOf(await checkoutPage(sb))).toEqual([200, 'DENY', null])
    // An unknown checkout's page refuses too; the dashboard stays the sandbox's own tool.
    expect(framingOf(await fetch(`${sb.url}/checkouts/unknown`))).toEqual([404, 'DENY', null])
    expect(framingOf(await fetch(`${sb.url}/_sandbox`))).toEqual([200, null, 'frame-ancestors *'])
  })

  it("answers frame-ancestors 'self' with framing \"self\", leaving every shop out", async () => {
    sb = await startSandbox({ port: 0, framing: 'self' })
    expect(framingOf(await checkoutPage(sb))).toEqual([200, null, "frame-ancestors 'self'"])
  })

  it('changes while running from the dashboard’s settings endpoint, and says so in the state', async () => {
    sb = await startSandbox({ port: 0 })
    const set = await call(sb, 'POST', '/_sandbox/settings?framing=deny', { key: null })
    expect([set.status, set.body]).toEqual([200, { settings: { framing: 'deny', callbackAmount: 'fiat' } }])
    expect(framingOf(await checkoutPage(sb))[1]).toBe('DENY')
    expect(sb.state().settings).toEqual({ framing: 'deny', callbackAmount: 'fiat' })
    const bad = await call(sb, 'POST', '/_sandbox/settings?framing=sometimes', { key: null })
    expect([bad.status, bad.body.detail]).toEqual([400, 'framing must be one of allow, deny, self; got "sometimes".'])
    const foreign = await call(sb, 'POST', '/_sandbox/settings?framing=allow', { key: null, headers: { origin: 'https://evil.example' } })
    expect(foreign.status).toBe(403)
    expect(sb.state().settings.framing).toBe('deny')
  })

  it('takes --framing on the CLI and framing in startSandbox, refusing anything else', async () => {
    expect(parseCli(['--framing', 'deny'], {}, '/shop')).toMatchObject({ kind: 'start', options: { framing: 'deny' } })
    expect(parseCli(['--framing', 'never'], {}, '/shop')).toEqual({ kind: 'error', message: '--framing must be allow, deny or self; got "never".' })
    // @ts-expect-error -- checked at run time for JavaScript callers
    await expect(startSandbox({ port: 0, framing: 'never' })).rejects.toThrow("framing must be 'allow', 'deny' or 'self'")
  })
})
