// Bench 2 — route handler overhead. The same checkout create, over loopback with keep-alive,
// through `createCheckoutHandler` (mounted with `toNodeHandler`) versus a hand-written route
// that calls the sandbox with plain `fetch` — same server, same catalog, same upstream — at
// concurrency 1 and 64. An informational variant posts straight to the sandbox (no route in
// between), to show what the extra hop itself costs. Bounded request counts. Issue 13's guard:
// p50 <= 1.25x and throughput >= 0.8x of the plain route, no failed request.
import { spawn } from 'node:child_process'
import { Agent, request } from 'node:http'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { row, type BenchRow } from './lib/result'
import { interleave, median, pairedRatio, percentile } from './lib/stats'

const root = join(import.meta.dirname, '..')

interface Target {
  url: string
  headers: Record<string, string>
  body: string
}

interface Sample {
  p50: number
  p99: number
  throughput: number
  errors: number
}

function post(agent: Agent, target: Target): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(target.url, { method: 'POST', agent, headers: { ...target.headers, 'content-length': Buffer.byteLength(target.body) } }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(target.body)
  })
}

async function load(target: Target, concurrency: number, total: number): Promise<Sample> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
  const latencies: number[] = []
  let errors = 0
  let next = 0
  const start = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++
        const t0 = performance.now()
        const status = await post(agent, target).catch(() => 0)
        latencies.push(performance.now() - t0)
        if (status !== 200 && status !== 201) errors++
      }
    }),
  )
  const elapsed = performance.now() - start
  agent.destroy()
  latencies.sort((a, b) => a - b)
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), throughput: (total / elapsed) * 1000, errors }
}

export async function routeHandlerBench(options: { rounds?: number } = {}): Promise<BenchRow[]> {
  const rounds = options.rounds ?? 12
  const child = spawn(join(root, 'node_modules/.bin/tsx'), [join(import.meta.dirname, 'route-handler-server.ts')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  try {
    const ready = await new Promise<{ url: string; sandbox: string; apiKey: string }>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`route-handler-server exited (${code}) before it was ready`)))
      createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line)))
    })
    const items = JSON.stringify({ items: [{ price: 'pro-plan', quantity: 2 }, { price: 'sticker', quantity: 3 }] })
    const json = { 'content-type': 'application/json' }
    const targets = {
      handler: { url: `${ready.url}/api/payfect/checkouts`, headers: json, body: items },
      plain: { url: `${ready.url}/plain`, headers: json, body: items },
      direct: {
        url: `${ready.sandbox}/checkouts/`,
        headers: { ...json, authorization: `Api-Key ${ready.apiKey}` },
        body: JSON.stringify({
          currency: 'usdt',
          invoice_items: [
            { price_data: { currency: 'usdt', unit_amount: '20.50', product_data: { name: 'Pro plan' } }, quantity: 2 },
            { price_data: { currency: 'usdt', unit_amount: '1.25', product_data: { name: 'Sticker' } }, quantity: 3 },
          ],
          success_url: `${ready.url}/success`,
          cancel_url: `${ready.url}/cancel`,
        }),
      },
    } satisfies Record<string, Target>

    const rows: BenchRow[] = []
    for (const [concurrency, total] of [
      // Enough requests per sample that one GC pause or scheduler hiccup moves a sample little.
      [1, 400],
      [64, 1280],
    ] as const) {
      // Warm-up: JIT, sockets, the sandbox's store.
      for (const target of Object.values(targets)) await load(target, concurrency, Math.min(total, 300))
      const samples = await interleave(rounds, {
        handler: () => load(targets.handler, concurrency, total),
        plain: () => load(targets.plain, concurrency, total),
        direct: () => load(targets.direct, concurrency, total),
      })
      const med = (key: keyof typeof samples, field: keyof Sample) => median(samples[key].map((sample) => sample[field]))
      const paired = (field: keyof Sample) => pairedRatio(samples.handler.map((sample) => sample[field]), samples.plain.map((sample) => sample[field]))
      const errors = (key: keyof typeof samples) => samples[key].reduce((sum, sample) => sum + sample.errors, 0)
      const bench = 'route handler'
      const subject = `createCheckoutHandler via toNodeHandler, c=${concurrency}`
      const baseline = `hand-written route with plain fetch, c=${concurrency}`
      const note = `${rounds} interleaved rounds × ${total} requests, ratio = median of per-round ratios; errors: handler ${errors('handler')}, plain ${errors('plain')}, direct ${errors('direct')}`
      rows.push(
        row({ bench, metric: 'p50 latency', subject, subjectValue: med('handler', 'p50'), baseline, baselineValue: med('plain', 'p50'), unit: 'ms', target: '<= 1.25', note }, paired('p50')),
        row({ bench, metric: 'p99 latency', subject, subjectValue: med('handler', 'p99'), baseline, baselineValue: med('plain', 'p99'), unit: 'ms' }, paired('p99')),
        row({ bench, metric: 'throughput', subject, subjectValue: med('handler', 'throughput'), baseline, baselineValue: med('plain', 'throughput'), unit: 'req/s', target: '>= 0.8' }, paired('throughput')),
        row({ bench, metric: 'failed requests', subject, subjectValue: errors('handler'), baseline, baselineValue: errors('plain'), unit: 'errors', target: '= 0' }),
        row({
          bench,
          metric: 'p50 latency (informational: the route hop itself)',
          subject,
          subjectValue: med('handler', 'p50'),
          baseline: `fetch straight to the sandbox, no route, c=${concurrency}`,
          baselineValue: med('direct', 'p50'),
          unit: 'ms',
        }),
      )
    }
    return rows
  } finally {
    child.stdin!.end()
    child.kill()
  }
}
