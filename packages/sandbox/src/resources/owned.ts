import { forbidden, notFound } from '../http'
import type { MerchantRecord } from '../types'

/**
 * A resource the key's merchant may read: an unknown id is 404 `Not found.`, another
 * merchant's is 403, as Payfect's docs describe a resource the key cannot access.
 */
export function owned<T extends { merchantId: string }>(record: T | undefined, merchant: MerchantRecord): T {
  if (!record) throw notFound()
  if (record.merchantId !== merchant.id) throw forbidden()
  return record
}
