'use client'

import { useCallback, type MutableRefObject, type Ref } from 'react'

/** Sets a callback ref or an object ref, as React does. */
function setRef<T>(ref: Ref<T> | undefined, node: T | null): void {
  if (typeof ref === 'function') ref(node)
  else if (ref) (ref as MutableRefObject<T | null>).current = node
}

/** One callback ref that feeds a local ref and the caller's forwarded ref (React 18 and 19). */
export function useComposedRef<T>(localRef: MutableRefObject<T | null>, forwardedRef: Ref<T> | undefined): (node: T | null) => void {
  return useCallback(
    (node: T | null) => {
      setRef(localRef, node)
      setRef(forwardedRef, node)
    },
    [localRef, forwardedRef],
  )
}
