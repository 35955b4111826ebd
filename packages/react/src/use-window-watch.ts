'use client'

import { useEffect } from 'react'
import { readableLocation } from './core/return-url'
import { useLatestRef } from './use-latest-ref'

/**
 * Watches a popup: reports each new readable location (it became readable only back on the
 * merchant's origin) and, once, that it closed. A window has no events a cross-origin opener can hear.
 */
export function useWindowWatch(win: Window | null | undefined, onLanded: (href: string) => void, onClosed: () => void): void {
  const latestRef = useLatestRef({ onLanded, onClosed })
  useEffect(() => {
    if (!win) return
    let last: string | undefined
    const timer = setInterval(() => {
      if (win.closed) {
        clearInterval(timer)
        return latestRef.current.onClosed()
      }
      const href = readableLocation(win)
      if (href !== undefined && href !== last) latestRef.current.onLanded(href)
      last = href
    }, 500)
    return () => clearInterval(timer)
  }, [win, latestRef])
}
