/**
 * The mock hosted page's words in Traditional Chinese. The page is the sandbox's (English
 * only); with `?locale=zh-TW` its script swaps each English text for the entry that matches it
 * whole, keeping the surrounding spaces, as the page renders and as it changes. A pattern
 * written `^…$` may capture merchant data (`$1`). Keys are the sandbox page's exact strings.
 */
export const mockCheckoutZhTW: ReadonlyArray<readonly [english: string, chinese: string]> = [
  ['Simulate payment', '模擬付款'],
  ['Cancel', '取消'],
  ['Confirming payment…', '正在確認付款…'],
  ['Cancelling…', '正在取消…'],
  ['Sandbox controls', '沙盒控制項'],
  ["Nothing is sent on chain. Simulate the shopper's payment, or leave as they would.", '不會在鏈上傳送任何款項。可模擬顧客付款，或像顧客一樣離開。'],
  ['Sandbox', '沙盒'],
  ['Test mode — no real funds are moved', '測試模式：不會移動任何真實資金'],
  ['Powered by', '技術提供'],
  ['Local sandbox', '本機沙盒'],
  ['Pay', '付款給'],
  ['Amount due', '應付金額'],
  ['Paid', '已付款'],
  ['Order summary', '訂單摘要'],
  ['Total', '總計'],
  ['Expires in', '剩餘時間'],
  ['Deposit address', '收款地址'],
  ['Amount to send', '轉帳金額'],
  ['exactly', '請精確轉帳'],
  ['Copy address', '複製地址'],
  ['Copy amount', '複製金額'],
  ['Copy', '複製'],
  ['Copied', '已複製'],
  ['Send only', '僅限轉帳'],
  ['on the', '，並使用'],
  ['network. Other tokens or networks cannot be recovered.', '網路。其他代幣或網路轉入的款項將無法找回。'],
  ['Payment received', '已收到付款'],
  ['Payment received.', '已收到付款。'],
  ['This checkout has expired', '此結帳已過期'],
  ['This checkout has expired.', '此結帳已過期。'],
  ['Checkout cancelled', '結帳已取消'],
  ['Checkout cancelled.', '結帳已取消。'],
  ['You can close this window.', '你可以關閉此視窗。'],
  ['Less than a minute left to pay.', '剩不到一分鐘可付款。'],
  ['^Pay with (\\S+)$', '以 $1 付款'],
  ['^Scan with a wallet on (.+)$', '使用 $1 的錢包掃描'],
  ['^Qty (\\d+)$', '數量 $1'],
  ['^Qty (\\d+) × (.+)$', '數量 $1 × $2'],
  ['^paid to (.+)\\.$', '已付給 $1。'],
  ['^No payment arrived in time\\. Go back to (.+) to start a new checkout\\.$', '款項未在時限內到達。請回到 $1 重新結帳。'],
  ['^No payment was taken\\. Go back to (.+) whenever you are ready\\.$', '未收取任何款項。準備好時，請回到 $1。'],
  ['^Taking you back to (.+)…$', '正在帶你回到 $1…'],
  ['^(\\d+) minutes? left to pay\\.$', '剩 $1 分鐘可付款。'],
  ['^QR code of the deposit address (.+)$', '收款地址 $1 的 QR 碼'],
  ['^Pay (.+) to (.+) · Payfect Sandbox$', '付款 $1 給 $2 · Payfect 沙盒'],
]

/** The page's text for `english` in `locale`, for a play function to find it by role and name. */
export function mockCheckoutText(english: string, locale: string | undefined): string {
  if (locale !== 'zh-TW') return english
  const found = mockCheckoutZhTW.find(([key]) => key === english)
  if (!found) throw new Error(`The mock checkout page has no zh-TW text for "${english}": add it to mockCheckoutZhTW.`)
  return found[1]
}
