import { hostedMessageSource, hostedMessageTypes, hostedMessageVersion } from '@payfect/contract'
import type { CheckoutPageData } from './client/page-data'

/**
 * The messages the hosted page posts to a parent frame, from the wire contract
 * (`@payfect/contract`), handed to its script in `pf-data` so the names live in one place.
 */
export const PAGE_MESSAGES: Pick<CheckoutPageData, 'messageSource' | 'messageVersion' | 'messages'> = {
  messageSource: hostedMessageSource,
  messageVersion: hostedMessageVersion,
  messages: hostedMessageTypes,
}
