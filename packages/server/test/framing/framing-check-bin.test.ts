import { execFile } from 'node:child_process'
import type { ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Listening, listen } from '../support/listen'

const BIN = fileURLToPath(new URL('../../bin/payfect-framing-check.js', import.meta.url))

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    })
  })
}

let hosted: Listening

beforeAll(async () => {
  hosted = await listen((req: unknown, res: ServerResponse) => {
    const path = (req as { url: string }).url
    if (path === '/deny') res.writeHead(200, { 'x-frame-options': 'DENY' }).end()
    else if (path === '/gone') res.writeHead(404).end()
    else res.end('<p>checkout</p>')
  })
})
afterAll(() => hosted.close())

describe('payfect-framing-check', { timeout: 30_000 }, () => {
  it('prints the refusal with its fix and exits 1', async () => {
    const { code, stdout } = await run(`${hosted.url}/deny`, '--origin', 'http://shop.example')
    expect(stdout).toContain('✗ The checkout page sends X-Frame-Options: DENY')
    expect(stdout).toContain('fix: Use mode="popup" or mode="redirect"')
    expect(code).toBe(1)
  })

  it('exits 0 when the shop may frame the page, 2 when that cannot be told, 64 on a usage error', async () => {
    const [open, gone, bad] = await Promise.all([
      run(`${hosted.url}/open`, '--origin', 'http://shop.example'),
      run(`${hosted.url}/gone`, '--origin', 'http://shop.example', '--json'),
      run(`${hosted.url}/open`, '--origin', 'http://shop.example/cart'),
    ])
    expect(open).toMatchObject({ code: 0, stdout: expect.stringContaining('Result: yes, the modal can show it') })
    expect(JSON.parse(gone.stdout)).toMatchObject({ verdict: 'unknown', embeddable: null })
    expect(gone.code).toBe(2)
    expect(bad).toMatchObject({ code: 64, stderr: expect.stringContaining('`publicOrigin` must be an origin') })
  })
})
