import { PayfectProvider, useCheckoutReturn, usePayfect, type Checkout } from '@payfect/react'
import { zhTW } from '@payfect/react/locales/zh-TW'
import { useEffect, useState } from 'react'
import { createMockMerchant } from './mock-merchant'

/** What the returning page says in each phase, in the provider's strings. */
function Returned({ id, onSuccess }: { id: string; onSuccess?: (checkout: Checkout) => void }) {
  const { messages } = usePayfect()
  const { phase } = useCheckoutReturn({ id, onSuccess })
  const text = phase === 'complete' ? messages.complete : phase === 'pending' ? messages.pending : phase === 'expired' ? messages.expired : messages.confirming
  return (
    <output className="store-card__log" data-slot="return-phase" data-phase={phase ?? 'reading'}>
      {text}
    </output>
  )
}

export interface ReturnPageProps {
  locale: string
  /** Called once, when the route reports the returning checkout complete. */
  onSuccess?: (checkout: Checkout) => void
}

/**
 * The page a redirect comes back to. The shopper left for the hosted page with an order; they come
 * back before Payfect's callback has reached the route, so the route still says `open`. Half a
 * second later the callback arrives (`reportPaid`), and `useCheckoutReturn` hears it from the route.
 */
export function ReturnPage({ locale, onSuccess }: ReturnPageProps) {
  const [merchant] = useState(() => createMockMerchant({ locale, delayMs: 50, successUrl: () => window.location.href }))
  const [id, setId] = useState<string | undefined>(undefined)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    void merchant.createCheckout({ items: [{ price: 'pro-plan' }], clientReferenceId: `order_return_${Date.now().toString(36)}` }).then((checkout) => {
      setId(checkout.id)
      timer = setTimeout(() => merchant.reportPaid(checkout.id), 500)
    })
    return () => {
      clearTimeout(timer)
      merchant.dispose()
    }
  }, [merchant])
  return (
    <PayfectProvider
      locale={locale}
      messages={locale === 'zh-TW' ? zhTW : undefined}
      createCheckout={merchant.createCheckout}
      getCheckout={merchant.getCheckout}
      checkoutOrigin={window.location.origin}
      pollInterval={200}
    >
      <article className="store-card" aria-label="Order">
        {id ? <Returned id={id} onSuccess={onSuccess} /> : null}
      </article>
    </PayfectProvider>
  )
}
