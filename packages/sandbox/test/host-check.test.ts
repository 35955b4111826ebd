import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allowedHosts, hostName } from '../src/host-check'
import { startSandbox, type Sandbox } from '../src/index'
import { call } from './support'

let sb: Sandbox
let checkoutId: string
beforeAll(async () => {
  sb = await startSandbox({ port: 0 })
  const res = await call(sb, 'POST', '/api/v1/checkouts/', {
    body: { currency: 'usdt', invoice_items: [{ price_data: { currency: 'usdt', unit_amount: '1', product_data: { name: 'A' } }, quantity: 1 }] },
  })
  checkoutId = res.body.id
})
afterAll(() => sb.close())

/** A request to the sandbox on 127.0.0.1 with the `Host` a browser would send after DNS rebinding. */
function withHost(method: string, path: string, host: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(sb.url)
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host, authorization: `Api-Key ${sb.apiKey}` } }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => void (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode!, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('the sandbox’s own routes refuse a foreign Host (DNS rebinding)', () => {
  const own = () => [
    ['GET', '/_sandbox'],
    ['GET', '/_sandbox/state'],
    ['GET', `/_sandbox/checkouts/${checkoutId}`],
    ['POST', `/_sandbox/checkouts/${checkoutId}/expire`],
    ['POST', '/_sandbox/deliveries/x/replay'],
    ['GET', '/'],
  ]

  it('refuses every one of them for evil.example, with a message that names the fix', async () => {
    for (const [method, path] of own()) {
      const res = await withHost(method!, path!, `evil.example:${new URL(sb.url).port}`)
      expect([path, res.status], res.body).toEqual([path, 403])
      expect(JSON.parse(res.body).detail).toMatch(/^The sandbox's own pages and controls answer only requests addressed to loopback or to the --host it was started with, not to "evil\.example:\d+": this keeps a web page from reaching them through DNS rebinding\. Open http:\/\/127\.0\.0\.1:\d+\/_sandbox instead/)
    }
    expect(sb.state().checkouts[0]!.checkout.status).toBe('open')
  })

  it('answers loopback names, with or without a port', async () => {
    for (const host of ['127.0.0.1', `127.0.0.1:${new URL(sb.url).port}`, 'localhost:4010', '[::1]:4010', 'app.localhost']) {
      expect([host, (await withHost('GET', '/_sandbox/state', host)).status]).toEqual([host, 200])
    }
  })

  it('still serves the public API and the hosted page to any Host, as Payfect does', async () => {
    expect((await withHost('GET', `/api/v1/checkouts/${checkoutId}/`, 'evil.example')).status).toBe(200)
    expect((await withHost('GET', `/checkouts/${checkoutId}`, 'shop.example')).status).toBe(200)
  })

  it('answers the address it was started on, and nothing else beyond loopback', () => {
    expect(allowedHosts('10.1.2.3').has('10.1.2.3')).toBe(true)
    expect(allowedHosts('Sandbox.LAN').has('sandbox.lan')).toBe(true)
    expect(allowedHosts('fd00::5').has('fd00::5')).toBe(true)
    expect(allowedHosts('127.0.0.1').has('sandbox.lan')).toBe(false)
  })

  it('reads the host part of a Host header', () => {
    expect(['evil.example:4010', 'EVIL.example.', '[::1]:80', '127.0.0.1'].map(hostName)).toEqual(['evil.example', 'evil.example', '::1', '127.0.0.1'])
  })
})
