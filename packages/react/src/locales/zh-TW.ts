// `@payfect/react/locales/zh-TW`: its own entry, so a shop that speaks only English never ships it.
import type { PayfectMessages } from '../core/messages'

/**
 * The built-in Traditional Chinese strings. Pass them to the provider with the locale
 * (which formats the amounts); spread your own overrides over them.
 *
 * @example
 * import { zhTW } from '@payfect/react/locales/zh-TW'
 *
 * <PayfectProvider locale="zh-TW" messages={zhTW}>
 */
export const zhTW: PayfectMessages = {
  payWithCrypto: '使用加密貨幣付款',
  creating: '正在建立結帳…',
  modalTitle: '安全結帳',
  modalDescription: '透過 Payfect 支付 {amount}，全程留在本商店。',
  modalDescriptionNoAmount: '透過 Payfect 付款，全程留在本商店。',
  loading: '正在載入安全結帳頁面…',
  frameTitle: 'Payfect 結帳',
  openInNewWindow: '在新視窗開啟',
  readyTimeout: '結帳頁面載入較久，您可以改在新視窗開啟。',
  confirmingTitle: '正在確認您的付款',
  confirming: '正在確認付款…',
  pendingTitle: '付款待確認',
  pending: '您的付款正在等待網路確認。您可以關閉此視窗，確認後商店會完成訂單。',
  completeTitle: '已收到付款',
  close: '關閉結帳',
  error: '無法建立結帳，請再試一次。',
  expired: '此結帳已在付款前過期。',
  retry: '再試一次',
  complete: '已收到付款，謝謝！',
  paid: '已付款',
}
