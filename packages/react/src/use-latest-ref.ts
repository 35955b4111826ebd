'use client'

import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react'

// useLayoutEffect warns on the server; there is no layout to wait for there anyway.
const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect

/**
 * A ref that always holds the latest `value`, for event handlers and effects
 * that must call the newest callback without re-subscribing.
 */
export function useLatestRef<T>(value: T): RefObject<T> {
  const ref = useRef(value)
  useIsomorphicLayoutEffect(() => {
    ref.current = value
  })
  return ref
}
