import { checkoutHandler } from '../../../../lib/payfect'

// POST creates a checkout from catalog keys; GET ?id= reads its status for polling.
export { checkoutHandler as GET, checkoutHandler as POST }

// Answer every request fresh: never cache a checkout.
export const dynamic = 'force-dynamic'
