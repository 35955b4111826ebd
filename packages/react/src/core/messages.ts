/** Every string `@payfect/react` shows. `{amount}` is replaced by the formatted total. */
export interface PayfectMessages {
  /** The button's label when it has no children. */
  payWithCrypto: string
  /** Announced while the checkout is being created. */
  creating: string
  /** The modal's heading. */
  modalTitle: string
  /** The modal's description; `{amount}` is the total, for example `20.50 USDT`. */
  modalDescription: string
  /** The modal's description before the amount is known. */
  modalDescriptionNoAmount: string
  /** Shown until the checkout page has loaded in the modal. */
  loading: string
  /** The `title` of the checkout iframe. */
  frameTitle: string
  /** The fallback link to the checkout page. */
  openInNewTab: string
  /** The accessible name of the modal's close button. */
  close: string
  /** The inline alert when creating the checkout failed. */
  error: string
  /** The inline alert when the checkout expired unpaid. */
  expired: string
  /** The retry button in the alert. */
  retry: string
  /** Announced once the payment is confirmed. */
  complete: string
  /** The button's label once the checkout is paid (with a check icon; the button is then disabled). */
  paid: string
}

/** Locales with built-in strings. Any other locale falls back to `en`. */
export type PayfectLocale = 'en' | 'zh-TW'

export const en: PayfectMessages = {
  payWithCrypto: 'Pay with crypto',
  creating: 'Creating checkout…',
  modalTitle: 'Secure checkout',
  modalDescription: 'Pay {amount} with Payfect. This window stays on the store.',
  modalDescriptionNoAmount: 'Pay with Payfect. This window stays on the store.',
  loading: 'Loading secure checkout…',
  frameTitle: 'Payfect checkout',
  openInNewTab: 'Open in a new tab',
  close: 'Close checkout',
  error: 'We couldn’t start the checkout. Please try again.',
  expired: 'This checkout expired before it was paid.',
  retry: 'Try again',
  complete: 'Payment received. Thank you!',
  paid: 'Paid',
}

export const zhTW: PayfectMessages = {
  payWithCrypto: '使用加密貨幣付款',
  creating: '正在建立結帳…',
  modalTitle: '安全結帳',
  modalDescription: '透過 Payfect 支付 {amount}，全程留在本商店。',
  modalDescriptionNoAmount: '透過 Payfect 付款，全程留在本商店。',
  loading: '正在載入安全結帳頁面…',
  frameTitle: 'Payfect 結帳',
  openInNewTab: '在新分頁開啟',
  close: '關閉結帳',
  error: '無法建立結帳，請再試一次。',
  expired: '此結帳已在付款前過期。',
  retry: '再試一次',
  complete: '已收到付款，謝謝！',
  paid: '已付款',
}

/** Picks the built-in strings for a BCP 47 tag: `zh-TW`, `zh-Hant…` → `zh-TW`, anything else → `en`. */
export function builtInMessages(locale: string | undefined): PayfectMessages {
  const tag = (locale ?? 'en').toLowerCase()
  return tag === 'zh-tw' || tag.startsWith('zh-hant') ? zhTW : en
}

/** The built-in strings for `locale` with `overrides` laid over them. */
export function resolveMessages(locale: string | undefined, overrides?: Partial<PayfectMessages>): PayfectMessages {
  const base = builtInMessages(locale)
  if (!overrides) return base
  const merged = { ...base }
  for (const key of Object.keys(overrides) as (keyof PayfectMessages)[]) {
    const value = overrides[key]
    if (typeof value === 'string') merged[key] = value
  }
  return merged
}

/** Replaces `{name}` placeholders: `interpolate('Pay {amount}', { amount: '1 USDT' })`. */
export function interpolate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole)
}
