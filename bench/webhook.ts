// Bench 3 — webhook verification throughput: `verifyWebhook` (Web Crypto, async) versus the
// same Fernet steps done synchronously with node:crypto (decode, version, HMAC-SHA256 in
// constant time, timestamp window, AES-128-CBC, JSON equality with the body), and the same
// token through the npm `fernet` package (crypto-js) for comparison. Interleaved timed rounds.
import { createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto'
import { createRequire } from 'node:module'
import { fernet, verifyWebhook } from '@payfect/server'
import { row, type BenchRow } from './lib/result'
import { interleave, median, opsPerSecond, pairedRatio } from './lib/stats'

const require = createRequire(import.meta.url)
// The npm `fernet` package is CommonJS without types.
const npmFernet = require('fernet') as {
  Secret: new (secret: string) => unknown
  Token: new (options: { secret: unknown; token: string; ttl: number }) => { decode(): string }
}

const event = {
  id: 'ed8d24aa-a860-426b-8e56-87cb9f55a081',
  amount: '20.00',
  status: 'succeeded',
  currency: 'usdt',
  merchant: 'bf065cc8-343d-4419-be7d-ed2190f1df4d',
  is_livemode: false,
  payment_intent: 'b7c30e83-5439-47b2-ac4d-81c64c1d0174',
  payment_method: { id: '74fa9095-8f47-4c2e-b6c1-7f1f8ab3c2d1', payment_method_detail: { network: 'tron', currency: 'usdt' } },
  client_reference_id: '5ae50223-e455-4a72-a48d-fe7d85800e64',
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  return ka.every((key) => Object.hasOwn(b, key) && jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
}

/** The Fernet verification of a webhook with node:crypto, synchronously: the baseline. */
function nodeVerify(payload: string, token: string, secret: string, toleranceSeconds: number): unknown {
  const key = Buffer.from(secret, 'base64url')
  if (key.length !== 32) throw new Error('bad secret')
  const bytes = Buffer.from(token, 'base64url')
  if (bytes.length < 73 || bytes[0] !== 0x80 || (bytes.length - 57) % 16 !== 0) throw new Error('malformed')
  const signed = bytes.subarray(0, bytes.length - 32)
  const mac = createHmac('sha256', key.subarray(0, 16)).update(signed).digest()
  if (!timingSafeEqual(mac, bytes.subarray(bytes.length - 32))) throw new Error('bad hmac')
  const timestamp = Number(bytes.readBigUInt64BE(1))
  const now = Date.now() / 1000
  if (timestamp + toleranceSeconds < now || timestamp > now + 60) throw new Error('expired or future')
  const decipher = createDecipheriv('aes-128-cbc', key.subarray(16), bytes.subarray(9, 25))
  const plaintext = Buffer.concat([decipher.update(bytes.subarray(25, bytes.length - 32)), decipher.final()]).toString('utf8')
  const signedEvent = JSON.parse(plaintext) as unknown
  if (!jsonEqual(signedEvent, JSON.parse(payload))) throw new Error('mismatch')
  return signedEvent
}

function npmVerify(payload: string, token: string, secret: string): unknown {
  const plaintext = new npmFernet.Token({ secret: new npmFernet.Secret(secret), token, ttl: 0 }).decode()
  const signedEvent = JSON.parse(plaintext) as unknown
  if (!jsonEqual(signedEvent, JSON.parse(payload))) throw new Error('mismatch')
  return signedEvent
}

export async function webhookBench(options: { rounds?: number; ms?: number } = {}): Promise<BenchRow[]> {
  const rounds = options.rounds ?? 15
  const ms = options.ms ?? 150
  const secret = fernet.generateKey()
  // The body as Payfect posts it, and a re-serialisation with other key order/spacing is not
  // needed here: the same bytes are signed and posted.
  const payload = JSON.stringify(event)
  const signature = await fernet.encrypt(secret, payload)

  // Every implementation must accept the token before it is timed.
  await verifyWebhook({ payload, signature, secret })
  nodeVerify(payload, signature, secret, 300)
  npmVerify(payload, signature, secret)

  const inFlight = 64
  const variants = {
    payfect: () => opsPerSecond(() => verifyWebhook({ payload, signature, secret }), ms),
    payfectConcurrent: async () =>
      inFlight * (await opsPerSecond(() => Promise.all(Array.from({ length: inFlight }, () => verifyWebhook({ payload, signature, secret }))), ms)),
    node: () => opsPerSecond(() => nodeVerify(payload, signature, secret, 300), ms),
    npm: () => opsPerSecond(() => npmVerify(payload, signature, secret), ms),
  }
  // Warm-up round, discarded.
  for (const run of Object.values(variants)) await run()
  const samples = await interleave(rounds, variants)
  const med = (key: keyof typeof samples) => median(samples[key])
  const paired = (subject: keyof typeof samples, baseline: keyof typeof samples) => pairedRatio(samples[subject], samples[baseline])
  const bench = 'webhook verification'
  const nodeName = 'node:crypto Fernet steps, synchronous'
  const note = `${rounds} interleaved rounds of ${ms} ms; values are medians, ratios the median of per-round ratios; payload ${payload.length} bytes`
  return [
    row({ bench, metric: 'verifications/s', subject: 'verifyWebhook, one at a time (awaited)', subjectValue: med('payfect'), baseline: nodeName, baselineValue: med('node'), unit: 'op/s', target: '>= 0.25', note }, paired('payfect', 'node')),
    row({ bench, metric: 'verifications/s', subject: `verifyWebhook, ${inFlight} in flight`, subjectValue: med('payfectConcurrent'), baseline: nodeName, baselineValue: med('node'), unit: 'op/s' }, paired('payfectConcurrent', 'node')),
    row({ bench, metric: 'verifications/s', subject: 'npm fernet 0.4 (crypto-js), synchronous', subjectValue: med('npm'), baseline: nodeName, baselineValue: med('node'), unit: 'op/s' }, paired('npm', 'node')),
    row({ bench, metric: 'verifications/s', subject: 'verifyWebhook, one at a time (awaited)', subjectValue: med('payfect'), baseline: 'npm fernet 0.4 (crypto-js), synchronous', baselineValue: med('npm'), unit: 'op/s' }, paired('payfect', 'npm')),
  ]
}
