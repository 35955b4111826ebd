// The shop page of bench 4: one product, one CheckoutButton, in the mode the URL asks for
// (`?mode=modal` or `?mode=redirect`). The checkout origin is passed so hover preconnects it.
// `?endpoint=` picks the route, and `?probe` turns on the provider's framing probe.
import { CheckoutButton, PayfectProvider } from '@payfect/react'
import { createRoot } from 'react-dom/client'

const params = new URLSearchParams(location.search)
const mode = params.get('mode') === 'redirect' ? 'redirect' : 'modal'
const checkoutOrigin = params.get('checkoutOrigin') ?? undefined
const endpoint = params.get('endpoint') ?? '/api/checkouts'

createRoot(document.getElementById('root')!).render(
  <PayfectProvider endpoint={endpoint} framingProbe={params.has('probe')} {...(checkoutOrigin ? { checkoutOrigin } : {})}>
    <main>
      <h1>Pro plan — 20.50 USDT</h1>
      <CheckoutButton items={[{ price: 'pro-plan' }]} mode={mode}>
        Pay with crypto
      </CheckoutButton>
    </main>
  </PayfectProvider>,
)
