import { rm } from 'node:fs/promises'

/** Each run starts with an empty `test-results/e2e/`: what is there afterwards is this run's. */
export default async function setup() {
  await rm(new URL('../test-results/e2e/', import.meta.url), { recursive: true, force: true })
}
