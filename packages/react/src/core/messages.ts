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
  /** The control outside the frame that opens the checkout in its own window (the fallback). */
  openInNewWindow: string
  /** Shown beside that control when the page did not load within the provider's `readyTimeoutMs`. */
  readyTimeout: string
  /** The modal's heading while the route confirms a payment the shopper made. */
  confirmingTitle: string
  /** Announced while the route confirms the payment (the button's label too). */
  confirming: string
  /** The modal's heading when the payment still awaits confirmations. */
  pendingTitle: string
  /** Shown (and announced) while the payment awaits confirmations: not an error. */
  pending: string
  /** The modal's heading once the route reports the payment. */
  completeTitle: string
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

/**
 * Locales shipped with the package. `en` is built in; every other one is its own entry,
 * `@payfect/react/locales/<tag>`, passed to the provider as `messages`.
 */
export type PayfectLocale = 'en' | 'zh-TW'

/** The built-in English strings, used for every key the provider's `messages` leave out. */
export const en: PayfectMessages = {
  payWithCrypto: 'Pay with crypto',
  creating: 'Creating checkout…',
  modalTitle: 'Secure checkout',
  modalDescription: 'Pay {amount} with Payfect. This window stays on the store.',
  modalDescriptionNoAmount: 'Pay with Payfect. This window stays on the store.',
  loading: 'Loading secure checkout…',
  frameTitle: 'Payfect checkout',
  openInNewWindow: 'Open in a new window',
  readyTimeout: 'The checkout is taking a while to load. You can open it in a new window instead.',
  confirmingTitle: 'Confirming your payment',
  confirming: 'Confirming payment…',
  pendingTitle: 'Payment pending',
  pending: 'Your payment is waiting for network confirmations. You can close this window; the store will finish the order once it confirms.',
  completeTitle: 'Payment received',
  close: 'Close checkout',
  error: 'We couldn’t start the checkout. Please try again.',
  expired: 'This checkout expired before it was paid.',
  retry: 'Try again',
  complete: 'Payment received. Thank you!',
  paid: 'Paid',
}

/** `en` with the strings of `overrides` laid over it (anything but a string is ignored). */
export function resolveMessages(overrides?: Partial<PayfectMessages>): PayfectMessages {
  const merged = { ...en }
  for (const key in overrides) {
    const value = overrides[key as keyof PayfectMessages]
    if (typeof value === 'string') merged[key as keyof PayfectMessages] = value
  }
  return merged
}

/** Replaces `{name}` placeholders: `interpolate('Pay {amount}', { amount: '1 USDT' })`. */
export function interpolate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole)
}
