// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { en, interpolate, resolveMessages } from '../../src/core/messages'
import { zhTW } from '../../src/locales/zh-TW'

describe('messages', () => {
  it('has the same keys in every shipped locale', () => {
    expect(Object.keys(zhTW).sort()).toEqual(Object.keys(en).sort())
  })

  it('is English without overrides', () => {
    expect(resolveMessages()).toEqual(en)
    expect(resolveMessages({})).toEqual(en)
  })

  it('lays a locale and overrides over English and ignores non-strings', () => {
    const messages = resolveMessages({ ...zhTW, retry: 'Again!', close: undefined })
    expect(messages.retry).toBe('Again!')
    expect(messages.close).toBe(en.close)
    expect(messages.payWithCrypto).toBe('使用加密貨幣付款')
    expect(zhTW.retry).toBe('再試一次')
  })

  it('interpolates known placeholders and leaves unknown ones', () => {
    expect(interpolate('Pay {amount} {later}', { amount: '1.00 USDT' })).toBe('Pay 1.00 USDT {later}')
  })
})
