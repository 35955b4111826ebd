'use client'

import { forwardRef, lazy, Suspense, useState, useSyncExternalStore, type ComponentType, type RefAttributes } from 'react'
import type { CheckoutModalProps } from './checkout-modal'

type ModalComponent = ComponentType<CheckoutModalProps & RefAttributes<HTMLDivElement>>

let pending: Promise<typeof import('./checkout-modal')> | undefined
// Set once the chunk is in: rendered directly, because a React.lazy rendered for the first
// time suspends at least once even when its chunk is already loaded, and React then holds
// the reveal back (~300 ms in React 19) — exactly the time between a click and the checkout.
let loaded: ModalComponent | undefined

/** Loads the modal's chunk (Radix included); calling it again reuses the same request, or retries a failed one. */
export function loadCheckoutModal(): Promise<typeof import('./checkout-modal')> {
  pending ??= import('./checkout-modal').then(
    (module) => {
      loaded = module.CheckoutModal
      module.warmCheckoutModal()
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
  // Chosen once per mount: switching from the lazy path to the loaded one later would
  // remount the dialog (and reload its frame).
  const [Loaded] = useState(() => loaded)
  if (!useIsClient()) return null
  if (Loaded) return <Loaded ref={ref} {...props} />
  return (
    <Suspense fallback={null}>
      <Implementation ref={ref} {...props} />
    </Suspense>
  )
})
