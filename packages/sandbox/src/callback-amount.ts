/**
 * What a fiat checkout's callback says it was paid, since Payfect does not document it:
 * `fiat`, the checkout's own total and currency (`"8800.00"`, `"TWD"`), or `usdt`, the
 * USDT the shopper sent at the quoted rate (`"270.77"`, `"usdt"`). A USDT checkout's
 * callback is the same either way. Switch it to check that fulfilment reads the checkout
 * back rather than trusting the callback's `amount`.
 */
export type CallbackAmount = 'fiat' | 'usdt'

export const CALLBACK_AMOUNTS: readonly CallbackAmount[] = ['fiat', 'usdt']

export const isCallbackAmount = (value: unknown): value is CallbackAmount => typeof value === 'string' && (CALLBACK_AMOUNTS as readonly string[]).includes(value)
