// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { builtInMessages, en, interpolate, resolveMessages, zhTW } from '../../src/core/messages'

describe('messages', () => {
  it('has the same keys in every built-in locale', () => {
    expect(Object.keys(zhTW).sort()).toEqual(Object.keys(en).sort())
  })

  it('picks zh-TW for Traditional Chinese tags and English otherwise', () => {
    expect(builtInMessages('zh-TW')).toBe(zhTW)
    expect(builtInMessages('zh-Hant-HK')).toBe(zhTW)
    expect(builtInMessages('fr')).toBe(en)
    expect(builtInMessages(undefined)).toBe(en)
  })

  it('lays overrides over the locale and ignores non-strings', () => {
    const messages = resolveMessages('zh-TW', { retry: 'Again!', close: undefined })
    expect(messages.retry).toBe('Again!')
    expect(messages.close).toBe(zhTW.close)
    expect(zhTW.retry).toBe('再試一次')
  })

  it('interpolates known placeholders and leaves unknown ones', () => {
    expect(interpolate('Pay {amount} {later}', { amount: '1.00 USDT' })).toBe('Pay 1.00 USDT {later}')
  })
})
