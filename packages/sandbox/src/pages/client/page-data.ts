// What the hosted page's server side hands its script in <script id="pf-data">: the
// checkout's state and the message names it posts to a parent frame (the wire contract).

export type PageStatus = 'open' | 'complete' | 'expired' | 'cancelled'

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
  /** The message type posted for each event. */
  messages: { ready: string; complete: string; expired: string; cancelled: string }
}
