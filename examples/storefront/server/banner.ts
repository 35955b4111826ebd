import { DEFAULT_BASE_URL } from '@payfect/server'
import type { PayfectBackend } from './payfect-backend'

/** What `pnpm dev` prints once everything listens: where the shop is, where payments go. */
export function printBanner(url: string, { mode, sandbox, baseUrl }: PayfectBackend, webhookUrl: string): void {
  const lines = [
    '',
    '  Payfect demo shop is running',
    '',
    `  ➜  Storefront:  ${url}/`,
    sandbox
      ? `  ➜  Sandbox:     ${sandbox.url}/_sandbox   (dashboard: checkouts and callback deliveries)`
      : `  ➜  Payfect:     ${baseUrl ?? DEFAULT_BASE_URL}   (PAYFECT_API_KEY is set)`,
    `  ➜  Mode:        ${mode === 'sandbox' ? 'sandbox — a local Payfect emulator, no account, no real money' : 'LIVE — real checkouts, real money'}`,
    `  ➜  Webhook:     ${webhookUrl}`,
    '',
  ]
  if (mode === 'live' && /\/\/(127\.0\.0\.1|localhost)[:/]/.test(webhookUrl)) {
    lines.push('  Note: Payfect cannot reach a loopback webhook. Set PAYFECT_CALLBACK_URL to a public URL that forwards here.', '')
  }
  process.stdout.write(lines.join('\n') + '\n')
}
