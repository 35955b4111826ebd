import { CALLBACK_MODES } from './callback-mode'

/** The commands that drive a running sandbox, to rehearse failure from a terminal or a script. */
export const CONTROL_ACTIONS = ['pay', 'resend', 'deliver', 'replay', 'expire'] as const
export type ControlAction = (typeof CONTROL_ACTIONS)[number]

export interface ControlCommand {
  action: ControlAction
  /** Checkout ids (delivery ids for `replay`), acted on one after the other, in this order. */
  ids: string[]
  /** The running sandbox's origin. */
  sandbox: string
  /** `pay`/`resend`: how the callback goes. */
  callback?: (typeof CALLBACK_MODES)[number]
  /** With `callback: 'late'`. */
  delayMs?: number
}

export const DEFAULT_SANDBOX_URL = 'http://127.0.0.1:4010'

interface Answer {
  checkout?: { id: string; status: string }
  delivery?: { id: string; status: number | null; ok: boolean; kind: string; error?: string } | null
  detail?: string
}

/**
 * Runs a control command against a running sandbox, one id after another (so
 * `deliver B A` delivers B's callback before A's), and prints one line per id.
 * Resolves with the exit code: 0 when every request succeeded, else 1.
 */
export async function runControl(command: ControlCommand, io: { stdout: (t: string) => void; stderr: (t: string) => void }): Promise<number> {
  for (const id of command.ids) {
    const path = command.action === 'replay' ? `/_sandbox/deliveries/${encodeURIComponent(id)}/replay` : `/_sandbox/checkouts/${encodeURIComponent(id)}/${command.action}`
    const query = new URLSearchParams()
    if (command.callback && command.callback !== 'send') query.set('callback', command.callback)
    if (command.delayMs !== undefined) query.set('delayMs', String(command.delayMs))
    const url = `${command.sandbox}${path}${query.size ? `?${query}` : ''}`
    let res: Response
    try {
      res = await fetch(url, { method: 'POST', headers: { accept: 'application/json' } })
    } catch {
      io.stderr(`payfect-sandbox: no sandbox answered at ${command.sandbox}. Start one with "payfect-sandbox", or pass --sandbox <url>.\n`)
      return 1
    }
    const body = (await res.json().catch(() => ({}))) as Answer
    if (!res.ok) {
      io.stderr(`payfect-sandbox: ${command.action} ${id}: ${body.detail ?? `the sandbox answered ${res.status}`}\n`)
      return 1
    }
    io.stdout(`${describe(command, id, body)}\n`)
  }
  return 0
}

function describe(command: ControlCommand, id: string, body: Answer): string {
  const delivery = body.delivery
  const answer = delivery ? (delivery.status === null ? `no answer (${delivery.error ?? 'unknown'})` : `answered ${delivery.status}`) : 'nothing sent (the sandbox is closing)'
  switch (command.action) {
    case 'pay':
    case 'resend': {
      const verb = command.action === 'pay' ? `Paid checkout ${id}` : `Resent the callback of checkout ${id}`
      const how = {
        send: 'callback sent',
        twice: 'callback sent twice',
        late: `callback due in ${command.delayMs ?? 5000} ms`,
        hold: `callback held: deliver it with "payfect-sandbox deliver ${id}"`,
        drop: 'callback dropped (recorded, never sent)',
      }[command.callback ?? 'send']
      return `${verb}; ${how}.`
    }
    case 'deliver':
      return `Delivered the held callback of checkout ${id}: the receiver ${answer}.`
    case 'replay':
      return `Replayed delivery ${id}${delivery ? ` as ${delivery.id}` : ''}: the receiver ${answer}.`
    case 'expire':
      return `Expired checkout ${id}.`
  }
}
