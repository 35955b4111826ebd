'use client'

import { useCallback, type MutableRefObject, type Ref } from 'react'

/** One callback ref that feeds a local ref and the caller's forwarded ref (React 18 and 19). */
export function useComposedRef<T>(local: MutableRefObject<T | null>, forwarded: Ref<T> | undefined): (node: T | null) => void {
  return useCallback(
    (node: T | null) => {
      local.current = node
      if (typeof forwarded === 'function') forwarded(node)
      else if (forwarded) (forwarded as MutableRefObject<T | null>).current = node
    },
    [local, forwarded],
  )
}
