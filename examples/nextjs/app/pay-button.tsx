'use client'
import { CheckoutButton, PayfectProvider } from '@payfect/react'

export function PayButton({ orderId, price }: { orderId: string; price: string }) {
  return (
    <PayfectProvider>
      <CheckoutButton items={[{ price }]} clientReferenceId={orderId} />
    </PayfectProvider>
  )
}
