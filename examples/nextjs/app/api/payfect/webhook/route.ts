import { createWebhookHandler } from '@payfect/server'
import { fulfil } from '@/lib/orders'

export const POST = createWebhookHandler({ onPayment: fulfil })
