// What the hosted page's server side hands its script in <script id="pf-data">: the
// checkout's state and the message names it posts to a parent frame (the wire contract).

import type { CheckoutStatus, cancelled } from '@payfect/contract'

/** Payfect's statuses, plus the contract's word for a shopper who stepped away (the page's own state). */
export type PageStatus = CheckoutStatus | typeof cancelled

export interface CheckoutPageData {
  id: string
  status: PageStatus
  merchant: string
  controlBase: string
  nowMs: number
  expiresMs: number | null
  createdMs: number | null
  successUrl: string | null
  cancelUrl: string | null
  /** The `source` of every message posted to the parent frame. */
  messageSource: string
  /** The contract version every message carries. */
  messageVersion: number
  /** The message type posted for each event. */
  messages: { ready: string; complete: string; expired: string; cancelled: string }
}
