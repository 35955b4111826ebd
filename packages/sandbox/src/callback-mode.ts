import type { CallbackMode } from './delivery'
import { badRequest } from './http'

export const CALLBACK_MODES = ['send', 'twice', 'late', 'hold', 'drop'] as const
/** A late callback's delay when none is given. */
export const DEFAULT_LATE_DELAY_MS = 5_000
const MAX_DELAY_MS = 60 * 60_000

/**
 * Reads `?callback=send|twice|late|hold|drop&delayMs=5000` from a control request.
 *
 * @throws {HttpError} 400 naming the allowed values.
 */
export function parseCallbackMode(query: URLSearchParams): CallbackMode {
  const kind = query.get('callback') ?? 'send'
  const delay = query.get('delayMs')
  if (!(CALLBACK_MODES as readonly string[]).includes(kind)) {
    throw badRequest(`callback must be one of ${CALLBACK_MODES.join(', ')}; got "${kind.slice(0, 40)}".`)
  }
  if (delay !== null && (kind !== 'late' || !/^\d{1,7}$/.test(delay) || Number(delay) > MAX_DELAY_MS)) {
    throw badRequest(`delayMs goes with callback=late only, as whole milliseconds up to ${MAX_DELAY_MS} (an hour); got "${delay.slice(0, 40)}".`)
  }
  if (kind === 'late') return { kind, delayMs: delay === null ? DEFAULT_LATE_DELAY_MS : Number(delay) }
  return { kind } as CallbackMode
}
