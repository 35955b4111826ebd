import { randomBytes, randomUUID } from 'node:crypto'
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { generateFernetKey, isFernetKey } from './fernet'

/** The default merchant's credentials, kept across restarts so a merchant's `.env.local` stays valid. */
export interface SandboxKeys {
  apiKey: string
  webhookSecret: string
  /** The merchant id callbacks carry (`merchant`), kept too so stored orders still match. */
  merchantId: string
}

/** Where `payfect-sandbox` keeps them by default, in the directory it is started from (gitignored). */
export const DEFAULT_KEYS_FILE = '.payfect-sandbox.json'

/** A test key that looks like one: `sk_test_` and 32 random hex digits. */
export function generateApiKey(): string {
  return `sk_test_${randomBytes(16).toString('hex')}`
}

export const isApiKey = (value: unknown): value is string => typeof value === 'string' && /^\S{8,200}$/.test(value)

/**
 * Reads the keys from `path`, or makes them and writes the file (mode 0600) when it
 * is missing or `fresh` is set. Values given in `pinned` win over the file's and are
 * written to it. Returns the keys and whether the file was (re)written.
 *
 * @throws {TypeError} when the file exists but is not one this function wrote, naming the fix.
 */
export function loadOrCreateKeys(path: string, options: { fresh?: boolean; pinned?: Partial<SandboxKeys> } = {}): { keys: SandboxKeys; written: boolean } {
  const stored = options.fresh ? undefined : readKeys(path)
  const keys: SandboxKeys = {
    apiKey: options.pinned?.apiKey ?? stored?.apiKey ?? generateApiKey(),
    webhookSecret: options.pinned?.webhookSecret ?? stored?.webhookSecret ?? generateFernetKey(),
    merchantId: options.pinned?.merchantId ?? stored?.merchantId ?? randomUUID(),
  }
  const same = stored && stored.apiKey === keys.apiKey && stored.webhookSecret === keys.webhookSecret && stored.merchantId === keys.merchantId
  if (same) return { keys, written: false }
  const text = `${JSON.stringify({ $comment: 'payfect-sandbox test keys, reused on every start. Not Payfect keys: they only open this local sandbox. Delete this file or pass --fresh-keys for new ones.', ...keys }, null, 2)}\n`
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, text, { mode: 0o600 })
  renameSync(temporary, path)
  return { keys, written: true }
}

function readKeys(path: string): SandboxKeys | undefined {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if (error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT') return undefined
    throw error
  }
  let data: Partial<SandboxKeys> | undefined
  try {
    data = JSON.parse(text) as Partial<SandboxKeys>
  } catch {
    data = undefined
  }
  if (!data || !isApiKey(data.apiKey) || !isFernetKey(data.webhookSecret) || typeof data.merchantId !== 'string' || data.merchantId === '') {
    throw new TypeError(`${path} does not hold sandbox keys ({ apiKey, webhookSecret, merchantId }). Delete it, or start with --fresh-keys to replace it.`)
  }
  return { apiKey: data.apiKey, webhookSecret: data.webhookSecret, merchantId: data.merchantId }
}
