// What the figures were measured on: they only compare within one run, but readers ask.
import { cpus, loadavg, totalmem } from 'node:os'
import { availableParallelism } from 'node:os'

export function machine() {
  return {
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
  }
}
