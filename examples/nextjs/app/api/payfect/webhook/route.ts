import { webhookHandler } from '@/lib/payfect'

export { webhookHandler as POST }
