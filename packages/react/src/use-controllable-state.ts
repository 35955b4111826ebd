'use client'

import { useCallback, useState } from 'react'
import { useLatestRef } from './use-latest-ref'

/**
 * State that a parent may control (`value` + `onChange`) or leave to the
 * component (`defaultValue`), as Radix primitives do.
 */
export function useControllableState<T>(value: T | undefined, defaultValue: T, onChange?: (next: T) => void): [T, (next: T) => void] {
  const [own, setOwn] = useState(defaultValue)
  const controlled = value !== undefined
  const current = controlled ? value : own
  const latestRef = useLatestRef({ current, controlled, onChange })
  const set = useCallback((next: T) => {
    const { current: previous, controlled: isControlled, onChange: notify } = latestRef.current
    if (Object.is(previous, next)) return
    if (!isControlled) setOwn(next)
    notify?.(next)
  }, [latestRef])
  return [current, set]
}
