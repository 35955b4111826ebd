'use client'

import { forwardRef, lazy, Suspense, useState, useSyncExternalStore, type ComponentType, type RefAttributes } from 'react'
import type { CheckoutModalProps } from './checkout-modal'

let pending: Promise<typeof import('./checkout-modal')> | undefined
// Set once the chunk is in. React holds back the first reveal of a lazy component (its Suspense
// fallback throttle, about 300 ms) even when the chunk already loaded: the shopper would wait for it.
let loaded: ComponentType<CheckoutModalProps & RefAttributes<HTMLDivElement>> | undefined

/** Loads the modal's chunk (Radix and swr included); calling it again reuses the same request, or retries a failed one. */
export function loadCheckoutModal(): Promise<typeof import('./checkout-modal')> {
  pending ??= import('./checkout-modal').then(
    (module) => {
      loaded = module.CheckoutModal
      return module
    },
    (error: unknown) => {
      pending = undefined
      throw error
    },
  )
  return pending
}

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
 * The hosted checkout page in an accessible Radix dialog, with the close control and "Open in a
 * new window" outside the frame. The route's status decides the outcome: `onSuccess` and
 * `onExpire` each fire once per checkout, `onPending` when the payment awaits confirmations.
 *
 * Code-split: nothing in the package imports the dialog statically, so Radix and swr load on
 * demand (`CheckoutButton` preloads them on hover and focus), never in the first paint.
 *
 * @example
 * <CheckoutModal checkout={checkout} open={open} onOpenChange={setOpen} onSuccess={() => router.push('/thanks')} />
 */
export const CheckoutModal = forwardRef<HTMLDivElement, CheckoutModalProps>(function CheckoutModal(props, ref) {
  // Chosen once per mount: switching from the lazy path to the loaded one would remount the dialog.
  const [Loaded] = useState(() => loaded)
  // A dialog portals on the client only, so the server renders nothing and never suspends on the chunk.
  if (!useIsClient()) return null
  if (Loaded) return <Loaded ref={ref} {...props} />
  return (
    <Suspense fallback={null}>
      <Implementation ref={ref} {...props} />
    </Suspense>
  )
})
