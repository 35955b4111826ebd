import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export interface GenerateVector {
  token: string
  now: string
  iv: number[]
  src: string
  secret: string
}
export interface VerifyVector {
  token: string
  now: string
  ttl_sec: number
  src: string
  secret: string
}

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '../../../..')
/** The repo's own copy, preferred so tests never depend on a folder outside the clone. */
export const localVectorsDir = path.resolve(here, '../vectors')
/** The shared originals CI keeps beside the clone. */
export const sharedVectorsDir = path.resolve(repoRoot, '../shared/test-vectors/fernet')

/** Loads a vector file; throws (never skips) when neither copy exists. */
export function loadVectors<T>(name: 'generate.json' | 'verify.json'): T[] {
  for (const dir of [localVectorsDir, sharedVectorsDir]) {
    const file = path.join(dir, name)
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as T[]
  }
  throw new Error(`Fernet test vector ${name} not found in ${localVectorsDir} or ${sharedVectorsDir}. Restore packages/server/test/vectors/ from the Fernet spec (github.com/fernet/spec).`)
}

export const unixSeconds = (iso: string): number => Date.parse(iso) / 1000
