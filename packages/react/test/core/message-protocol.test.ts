// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { originOf, readPayfectMessage, readPayfectMessageType } from '../../src/core/message-protocol'

const frame = { name: 'frame' }
const guard = { origin: 'https://buy.payfect.finance', source: frame, checkoutId: 'co_1' }
const event = (data: unknown, origin = guard.origin, source: unknown = frame) => ({ data, origin, source }) as unknown as MessageEvent

describe('readPayfectMessage', () => {
  it('maps the three page messages to machine events', () => {
    expect(readPayfectMessage(event({ source: 'payfect', type: 'checkout.complete', id: 'co_1' }), guard)).toBe('complete')
    expect(readPayfectMessage(event({ source: 'payfect', type: 'checkout.cancel', id: 'co_1' }), guard)).toBe('cancel')
    expect(readPayfectMessage(event({ source: 'payfect', type: 'checkout.expired' }), guard)).toBe('expire')
  })

  it('is no outcome for checkout.ready', () => {
    expect(readPayfectMessage(event({ source: 'payfect', type: 'checkout.ready', id: 'co_1' }), guard)).toBeNull()
  })

  it('ignores another origin, even a look-alike', () => {
    for (const origin of ['https://evil.test', 'https://buy.payfect.finance.evil.test', 'http://buy.payfect.finance', 'null']) {
      expect(readPayfectMessage(event({ source: 'payfect', type: 'checkout.complete' }, origin), guard)).toBeNull()
    }
  })

  it('ignores another window, or no window', () => {
    expect(readPayfectMessage(event({ source: 'payfect', type: 'checkout.complete' }, guard.origin, {}), guard)).toBeNull()
    expect(readPayfectMessage(event({ source: 'payfect', type: 'checkout.complete' }, guard.origin, null), guard)).toBeNull()
    expect(readPayfectMessage(event({ source: 'payfect', type: 'checkout.complete' }), { ...guard, source: null })).toBeNull()
  })

  it('ignores other shapes and other checkouts', () => {
    for (const data of [null, 'checkout.complete', { type: 'checkout.complete' }, { source: 'stripe', type: 'checkout.complete' }, { source: 'payfect', type: 'toString' }, { source: 'payfect', type: 'checkout.complete', id: 'co_2' }]) {
      expect(readPayfectMessage(event(data), guard)).toBeNull()
    }
  })

  it('needs a known origin to accept anything', () => {
    expect(readPayfectMessage(event({ source: 'payfect', type: 'checkout.complete' }), { ...guard, origin: undefined })).toBeNull()
  })
})

describe('readPayfectMessageType', () => {
  it('reads every page message, ready included, behind the same guard', () => {
    expect(readPayfectMessageType(event({ source: 'payfect', type: 'checkout.ready', id: 'co_1' }), guard)).toBe('checkout.ready')
    expect(readPayfectMessageType(event({ source: 'payfect', type: 'checkout.cancel' }), guard)).toBe('checkout.cancel')
    expect(readPayfectMessageType(event({ source: 'payfect', type: 'checkout.ready' }, 'https://evil.test'), guard)).toBeNull()
    expect(readPayfectMessageType(event({ source: 'payfect', type: 'checkout.ready' }, guard.origin, {}), guard)).toBeNull()
    expect(readPayfectMessageType(event({ source: 'payfect', type: 'checkout.ready', id: 'co_2' }), guard)).toBeNull()
    expect(readPayfectMessageType(event({ source: 'payfect', type: 'hasOwnProperty' }), guard)).toBeNull()
  })
})

describe('originOf', () => {
  it('reads the origin of absolute URLs and nothing else', () => {
    expect(originOf('https://buy.payfect.finance/checkouts/1?x=1')).toBe('https://buy.payfect.finance')
    expect(originOf('http://127.0.0.1:4010/c')).toBe('http://127.0.0.1:4010')
    expect(originOf('not a url')).toBeUndefined()
    expect(originOf(undefined)).toBeUndefined()
  })
})
