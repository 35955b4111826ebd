import { webhookHandler } from '../../../../lib/payfect'

// Payfect's signed success callback. The handler reads the raw body itself and
// refuses (400) anything whose X-Payfect-Signature does not verify.
export { webhookHandler as POST }

export const dynamic = 'force-dynamic'
