/** Status reads after a success landing before the kit settles for `pending`. */
export const confirmAttempts = 6

/**
 * The longest wait between confirmation reads (and between reads while `pending`): confirmations on
 * chain take seconds to minutes, so back off, but no further than eight poll intervals or 15 s.
 */
export function confirmCap(pollInterval: number): number {
  return Math.min(Math.max(pollInterval, 50) * 8, 15_000)
}

/** The wait before confirmation read number `attempt` (1-based): the poll interval, doubling, capped. */
export function confirmDelay(attempt: number, pollInterval: number): number {
  return Math.min(Math.max(pollInterval, 50) * 2 ** Math.max(0, attempt - 1), confirmCap(pollInterval))
}
