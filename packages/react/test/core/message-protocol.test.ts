// @vitest-environment node
import { hostedMessage } from '@payfect/contract'
import { describe, expect, it } from 'vitest'
import { readPayfectMessage } from '../../src/core/message-protocol'

const frame = { name: 'frame' }
const guard = { origin: 'https://buy.payfect.finance', source: frame, checkoutId: 'co_1' }
const event = (data: unknown, origin = guard.origin, source: unknown = frame) => ({ data, origin, source }) as unknown as MessageEvent

describe('readPayfectMessage', () => {
  it('reads the contract’s versioned messages as hints', () => {
    expect(readPayfectMessage(event(hostedMessage('complete', 'co_1')), guard)).toBe('complete')
    expect(readPayfectMessage(event(hostedMessage('cancelled', 'co_1')), guard)).toBe('cancelled')
    expect(readPayfectMessage(event(hostedMessage('expired', 'co_1')), guard)).toBe('expired')
    expect(readPayfectMessage(event(hostedMessage('ready', 'co_1')), guard)).toBe('ready')
  })

  it('ignores another origin, even a look-alike, and the opaque origin "null" even when guarded by it', () => {
    for (const origin of ['https://evil.test', 'https://buy.payfect.finance.evil.test', 'http://buy.payfect.finance', 'null']) {
      expect(readPayfectMessage(event(hostedMessage('complete', 'co_1'), origin), guard)).toBeNull()
    }
    expect(readPayfectMessage(event(hostedMessage('complete', 'co_1'), 'null'), { ...guard, origin: 'null' })).toBeNull()
  })

  it('ignores another window, or no window', () => {
    expect(readPayfectMessage(event(hostedMessage('complete', 'co_1'), guard.origin, {}), guard)).toBeNull()
    expect(readPayfectMessage(event(hostedMessage('complete', 'co_1'), guard.origin, null), guard)).toBeNull()
    expect(readPayfectMessage(event(hostedMessage('complete', 'co_1')), { ...guard, source: null })).toBeNull()
  })

  it('ignores other shapes, versions and checkouts', () => {
    for (const data of [null, 'checkout.complete', { source: 'payfect', type: 'checkout.complete', id: 'co_1' }, { ...hostedMessage('complete', 'co_1'), version: 2 }, { ...hostedMessage('complete', 'co_1'), type: 'toString' }, hostedMessage('complete', 'co_2')]) {
      expect(readPayfectMessage(event(data), guard)).toBeNull()
    }
  })

  it('needs a known origin to accept anything', () => {
    expect(readPayfectMessage(event(hostedMessage('complete', 'co_1')), { ...guard, origin: undefined })).toBeNull()
  })
})
