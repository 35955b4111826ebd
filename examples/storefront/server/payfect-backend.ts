import { startSandbox, type Sandbox, type SandboxOptions } from '@payfect/sandbox'

/** Where the shop's checkouts go: the local sandbox, or the live Payfect API. */
export interface PayfectBackend {
  mode: 'sandbox' | 'live'
  apiKey: string
  /** `undefined` means the SDK's default, the live API. */
  baseUrl: string | undefined
  webhookSecret: string
  /** The in-process sandbox, in sandbox mode. */
  sandbox: Sandbox | null
  close(): Promise<void>
}

export interface BackendOptions {
  env: Record<string, string | undefined>
  /** Options for the in-process sandbox (`port: 0` picks a free one). */
  sandbox: SandboxOptions & { port: number }
  /** The shop's webhook URL, the sandbox's default callback target. */
  callbackUrl: string
}

/**
 * With `PAYFECT_API_KEY` set, talks to the live API (`PAYFECT_API_BASE`,
 * `PAYFECT_WEBHOOK_SECRET`); otherwise starts `@payfect/sandbox` in this process
 * on 127.0.0.1, so `pnpm dev` needs no account and no network.
 */
export async function startPayfectBackend({ env, sandbox: sandboxOptions, callbackUrl }: BackendOptions): Promise<PayfectBackend> {
  const apiKey = env.PAYFECT_API_KEY?.trim()
  if (apiKey) {
    const webhookSecret = env.PAYFECT_WEBHOOK_SECRET?.trim()
    if (!webhookSecret) {
      throw new Error(
        'PAYFECT_API_KEY is set, so the shop talks to the live Payfect API, but PAYFECT_WEBHOOK_SECRET is not: without it no callback can be verified and no order would ever turn paid. Copy the webhook secret from the Payfect dashboard, or unset PAYFECT_API_KEY to use the local sandbox.',
      )
    }
    return { mode: 'live', apiKey, baseUrl: env.PAYFECT_API_BASE?.trim() || undefined, webhookSecret, sandbox: null, close: async () => {} }
  }
  const sandbox = await startSandbox({ merchantName: 'Payfect Demo Shop', ...sandboxOptions, host: '127.0.0.1', callbackUrl }).catch((error: NodeJS.ErrnoException) => {
    if (error?.code !== 'EADDRINUSE') throw error
    throw new Error(
      `Port ${sandboxOptions.port} on 127.0.0.1, for the Payfect sandbox, is in use (another \`pnpm dev\`?). Stop it, or pick another: SANDBOX_PORT=4011 pnpm dev (or --sandbox-port 0 for any free port).`,
    )
  })
  return {
    mode: 'sandbox',
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.apiBase,
    webhookSecret: sandbox.webhookSecret,
    sandbox,
    close: () => sandbox.close(),
  }
}
