import { createCheckoutHandler } from '@payfect/server'
import { catalog, fulfil } from '@/lib/orders'

const handler = createCheckoutHandler({
  catalog,
  successUrl: '/checkout/success',
  cancelUrl: '/',
  callbackUrl: '/api/payfect/webhook',
  onPayment: fulfil,
})
export { handler as GET, handler as POST }
