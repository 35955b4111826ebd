'use client'

import { forwardRef, lazy, Suspense, useSyncExternalStore } from 'react'
import type { CheckoutModalProps } from './checkout-modal'

/** Loads the modal's chunk (Radix included); calling it again reuses the same request. */
export const loadCheckoutModal = () => import('./checkout-modal')

const subscribe = () => () => {}

/** `false` on the server and while hydrating, `true` once on the client. */
function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}

const Implementation = lazy(() => loadCheckoutModal().then((module) => ({ default: module.CheckoutModal })))

/**
 * The hosted checkout page in an accessible Radix dialog. Detects the outcome by
 * every available signal and closes itself once it is known; `onSuccess`,
 * `onCancel` and `onExpire` each fire at most once per checkout.
 *
 * Code-split: nothing in the package imports the dialog statically, so Radix
 * loads on demand (`CheckoutButton` preloads it on hover and focus) in every
 * bundler, never in the first paint.
 *
 * @example
 * <CheckoutModal checkout={checkout} open={open} onOpenChange={setOpen} onSuccess={() => router.push('/thanks')} />
 */
export const CheckoutModal = forwardRef<HTMLDivElement, CheckoutModalProps>(function CheckoutModal(props, ref) {
  // A dialog portals on the client only, so the server renders nothing and never
  // suspends on the lazy chunk (renderToString cannot wait for it).
  if (!useIsClient()) return null
  return (
    <Suspense fallback={null}>
      <Implementation ref={ref} {...props} />
    </Suspense>
  )
})
