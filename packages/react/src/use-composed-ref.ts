'use client'

import { useCallback, type MutableRefObject, type Ref } from 'react'

/** One callback ref that sets every given callback or object ref, as React does. */
export function composeRefs<T>(...refs: Array<Ref<T> | undefined>): (node: T | null) => void {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node)
      else if (ref) (ref as MutableRefObject<T | null>).current = node
    }
  }
}

/** `composeRefs` kept stable across renders (React 18 and 19). */
export function useComposedRef<T>(localRef: MutableRefObject<T | null>, forwardedRef: Ref<T> | undefined): (node: T | null) => void {
  // oxlint-disable-next-line react-hooks/exhaustive-deps
  return useCallback(composeRefs(localRef, forwardedRef), [localRef, forwardedRef])
}
