// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { classifyReturn, readableLocation } from '../../src/core/return-url'

const checkout = {
  hostedOrigin: 'https://buy.payfect.finance',
  successUrl: 'https://shop.test/thanks?order=42',
  cancelUrl: 'https://shop.test/cart',
}

describe('classifyReturn', () => {
  it('recognises the success and cancel URLs, extra query parameters allowed', () => {
    expect(classifyReturn('https://shop.test/thanks?order=42&session=abc', checkout)).toBe('success')
    expect(classifyReturn('https://shop.test/cart#top', checkout)).toBe('cancel')
  })

  it('does not take a different order or path for success', () => {
    expect(classifyReturn('https://shop.test/thanks?order=43', checkout)).toBe('unknown')
    expect(classifyReturn('https://shop.test/elsewhere', checkout)).toBe('unknown')
  })

  it('ignores the blank document and the checkout page itself', () => {
    expect(classifyReturn('about:blank', checkout)).toBe('ignore')
    expect(classifyReturn('https://buy.payfect.finance/checkouts/1/paid', checkout)).toBe('ignore')
    expect(classifyReturn(undefined, checkout)).toBe('ignore')
  })

  it('is unknown when the merchant set no URLs', () => {
    expect(classifyReturn('https://shop.test/thanks', { hostedOrigin: checkout.hostedOrigin, successUrl: null, cancelUrl: null })).toBe('unknown')
  })
})

describe('readableLocation', () => {
  it('yields undefined when reading throws (cross-origin) or there is no window', () => {
    const crossOrigin = {
      get location(): Location {
        throw new DOMException('Blocked a frame', 'SecurityError')
      },
    } as unknown as Window
    expect(readableLocation(crossOrigin)).toBeUndefined()
    expect(readableLocation(null)).toBeUndefined()
    expect(readableLocation({ location: { href: 'https://shop.test/x' } } as unknown as Window)).toBe('https://shop.test/x')
  })
})
