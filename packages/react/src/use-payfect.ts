'use client'

import { useContext } from 'react'
import { PayfectContext, type PayfectContextValue } from './payfect-context'

/**
 * The configuration of the nearest `<PayfectProvider>`.
 * @throws when there is no provider above the calling component.
 */
export function usePayfect(): PayfectContextValue {
  const context = useContext(PayfectContext)
  if (!context) {
    throw new Error(
      '[@payfect/react] usePayfect must be used within <PayfectProvider>.' +
        (process.env.NODE_ENV === 'production'
          ? ''
          : ' Wrap your app (or the part that renders CheckoutButton, CheckoutModal or the Payfect hooks) in <PayfectProvider endpoint="/api/payfect/checkouts">.'),
    )
  }
  return context
}
