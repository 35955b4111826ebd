// Small statistics for benchmarks on a noisy 2-core machine: medians of interleaved rounds.

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]!
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50)
}

/**
 * Runs `rounds` rounds of every variant, rotating their order each round (and reversing it
 * every other cycle) so that each variant runs in each position equally often: drift
 * (thermal, GC, other processes) and any cost of running first or after another variant hit
 * all variants alike. Returns each variant's samples.
 */
export async function interleave<K extends string, T>(
  rounds: number,
  variants: Record<K, () => Promise<T>>,
): Promise<Record<K, T[]>> {
  const keys = Object.keys(variants) as K[]
  const samples = Object.fromEntries(keys.map((key) => [key, [] as T[]])) as Record<K, T[]>
  for (let round = 0; round < rounds; round++) {
    const shift = round % keys.length
    const rotated = [...keys.slice(shift), ...keys.slice(0, shift)]
    const order = Math.floor(round / keys.length) % 2 === 0 ? rotated : rotated.reverse()
    for (const key of order) samples[key].push(await variants[key]())
  }
  return samples
}

/** Operations per second of `op`, run back to back (each awaited) for about `ms` milliseconds. */
export async function opsPerSecond(op: () => unknown, ms: number): Promise<number> {
  let count = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < ms) {
    for (let i = 0; i < 50; i++) await op()
    count += 50
    elapsed = performance.now() - start
  }
  return (count / elapsed) * 1000
}

/** The median of round-by-round ratios `subject[i] / baseline[i]` (samples from `interleave`). */
export function pairedRatio(subject: number[], baseline: number[]): number {
  return median(subject.map((value, index) => value / baseline[index]!))
}
