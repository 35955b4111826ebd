import { checkoutHandler } from '@/lib/payfect'

export { checkoutHandler as GET, checkoutHandler as POST }
