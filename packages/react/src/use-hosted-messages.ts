'use client'

import type { HostedMessageHint } from '@payfect/contract'
import { useEffect } from 'react'
import { readPayfectMessage } from './core/message-protocol'
import { useLatestRef } from './use-latest-ref'

/** Listens for the hosted page's versioned messages from one window (the frame's or the popup) and one origin. */
export function useHostedMessages(origin: string | undefined, checkoutId: string | undefined, getSource: () => unknown, onHint: (hint: HostedMessageHint) => void): void {
  const latestRef = useLatestRef({ getSource, onHint })
  useEffect(() => {
    if (!origin || !checkoutId) return
    function onMessage(event: MessageEvent) {
      const hint = readPayfectMessage(event, { origin, source: latestRef.current.getSource(), checkoutId })
      if (hint) latestRef.current.onHint(hint)
    }
    window.addEventListener('message', onMessage)
    return () => window.removeEventListener('message', onMessage)
  }, [origin, checkoutId, latestRef])
}
