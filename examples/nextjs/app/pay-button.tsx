'use client'

import { CheckoutButton, PayfectProvider } from '@payfect/react'
import { useRouter } from 'next/navigation'

/**
 * The client island: `CheckoutButton` needs the browser, the page around it does not.
 * `checkoutOrigin` comes from the server so the button can preconnect to the hosted page.
 */
export function PayButton({ checkoutOrigin }: { checkoutOrigin: string }) {
  const router = useRouter()
  return (
    <PayfectProvider endpoint="/api/payfect/checkouts" checkoutOrigin={checkoutOrigin}>
      <CheckoutButton items={[{ price: 'pro-plan', quantity: 1 }]} onSuccess={() => router.push('/checkout/success')}>
        Pay 20.00 USDT
      </CheckoutButton>
    </PayfectProvider>
  )
}
