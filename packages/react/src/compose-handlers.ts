'use client'

import type { SyntheticEvent } from 'react'

/** The user's handler first; ours only if it did not call `preventDefault()` (as Radix does). */
export function composeHandlers<E extends SyntheticEvent>(user: ((event: E) => void) | undefined, own: () => void) {
  return (event: E) => {
    user?.(event)
    if (!event.defaultPrevented) own()
  }
}
