import { useCallback, useState } from 'react'

/**
 * `useState` kept in `localStorage`, so it survives the round trip to the hosted
 * checkout page in redirect mode. `isValid` guards against stale or edited values.
 */
export function usePersistentState<T>(key: string, initial: T, isValid: (value: unknown) => boolean) {
  const [value, setValue] = useState<T>(() => {
    try {
      const saved = localStorage.getItem(key)
      if (saved === null) return initial
      const parsed = JSON.parse(saved) as unknown
      return isValid(parsed) ? (parsed as T) : initial
    } catch {
      return initial
    }
  })
  const set = useCallback(
    (next: T) => {
      setValue(next)
      try {
        localStorage.setItem(key, JSON.stringify(next))
      } catch {
        // Private mode or a full quota: the value still lives for this page.
      }
    },
    [key],
  )
  return [value, set] as const
}
