import { CheckoutButton, PayfectProvider } from '@payfect/react'
import '@payfect/react/styles.css'
import { createRoot } from 'react-dom/client'

// The browser half: a button that creates a checkout through /api/payfect/checkouts
// and shows it in a modal. It holds no key and sends no price, only the catalog key.
const root = document.getElementById('pay')!
createRoot(root).render(
  <PayfectProvider endpoint="/api/payfect/checkouts" checkoutOrigin={root.dataset.checkoutOrigin}>
    <CheckoutButton items={[{ price: 'pro-plan', quantity: 1 }]} onSuccess={() => location.assign('/?checkout=success')}>
      Pay 20.00 USDT
    </CheckoutButton>
  </PayfectProvider>,
)
