import { catalog } from '../lib/payfect'
import { PayButton } from './pay-button'

// Rendered on the server: the price shown comes from the same catalog the handler charges.
export default function Home() {
  const plan = catalog['pro-plan']
  return (
    <main>
      <h1>{plan.name}</h1>
      <p>
        {plan.unitAmount} {plan.currency.toUpperCase()} — paid in USDT on Tron through Payfect.
      </p>
      <PayButton checkoutOrigin={process.env.PAYFECT_CHECKOUT_ORIGIN || 'https://buy.payfect.finance'} />
    </main>
  )
}

// Read PAYFECT_CHECKOUT_ORIGIN at request time, not at build time.
export const dynamic = 'force-dynamic'
