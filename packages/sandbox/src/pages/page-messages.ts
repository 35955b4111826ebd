import type { CheckoutPageData } from './client/page-data'

/**
 * The messages the hosted page posts to a parent frame, handed to its script in
 * `pf-data` so the names are written once, here, on the server side.
 */
export const PAGE_MESSAGES: Pick<CheckoutPageData, 'messageSource' | 'messages'> = {
  messageSource: 'payfect',
  messages: { ready: 'checkout.ready', complete: 'checkout.complete', expired: 'checkout.expired', cancelled: 'checkout.cancel' },
}
