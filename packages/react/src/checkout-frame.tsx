'use client'

import { clsx } from 'clsx'
import { forwardRef, useCallback, useRef, type IframeHTMLAttributes } from 'react'
import { readableLocation } from './core/return-url'
import type { Checkout } from './core/types'
import { useComposedRef } from './use-composed-ref'

export interface CheckoutFrameProps extends Omit<IframeHTMLAttributes<HTMLIFrameElement>, 'src' | 'onLoad'> {
  /** The checkout whose `url` the frame shows. */
  checkout: Pick<Checkout, 'url'>
  /** Called on every `load` of the frame (the first one ends the loading state). */
  onLoad?: () => void
  /**
   * Called with the frame's location when a `load` finds it readable, which
   * happens only once the hosted page has sent the shopper back to the
   * merchant's own origin (the success or cancel URL).
   */
  onReturn?: (href: string) => void
}

/**
 * The hosted checkout page in an iframe. It renders a plain `<iframe>` on the
 * server; reading the frame's location happens only in the `load` handler.
 */
export const CheckoutFrame = forwardRef<HTMLIFrameElement, CheckoutFrameProps>(function CheckoutFrame(
  { checkout, onLoad, onReturn, className, title, ...props },
  forwardedRef,
) {
  const frameRef = useRef<HTMLIFrameElement | null>(null)
  const ref = useComposedRef(frameRef, forwardedRef)
  const handleLoad = useCallback(() => {
    onLoad?.()
    // Throws (and yields undefined) while the frame shows Payfect's origin.
    const href = readableLocation(frameRef.current?.contentWindow)
    if (href && !href.startsWith('about:')) onReturn?.(href)
  }, [onLoad, onReturn])
  // No sandbox: the hosted page needs scripts, its own storage, wallet app links and
  // popups, and may navigate the top window; a sandbox that allows all that only adds
  // console warnings once the frame is back on the merchant's origin.
  return (
    // oxlint-disable-next-line react/iframe-missing-sandbox
    <iframe
      ref={ref}
      src={checkout.url}
      title={title}
      className={clsx('payfect-frame', className)}
      data-slot="checkout-frame"
      allow="clipboard-write; payment"
      onLoad={handleLoad}
      {...props}
    />
  )
})
