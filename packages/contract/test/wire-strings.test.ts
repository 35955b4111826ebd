import { describe, expect, test } from 'vitest'
import * as contract from '../src/index'
import pinned from './wire-strings.json'

// The contract's literals, pinned: a change here is a change of the wire (see README.md).
describe('the wire strings', () => {
  test('statuses, cancelled and error types', () => {
    expect(contract.checkoutStatuses).toEqual(pinned.statuses)
    expect(contract.cancelled).toBe(pinned.cancelled)
    expect(contract.wireErrorTypes).toEqual(pinned.errorTypes)
  })

  test('hosted-page messages, versioned', () => {
    expect(contract.hostedMessageSource).toBe(pinned.hostedMessage.source)
    expect(contract.hostedMessageVersion).toBe(pinned.hostedMessage.version)
    expect(contract.hostedMessageTypes).toEqual(pinned.hostedMessage.types)
    expect(contract.hostedMessage('complete', 'cs_1')).toEqual({ source: 'payfect', version: 1, type: 'checkout.complete', id: 'cs_1' })
  })

  test('fallback reasons, hosted origins and route query', () => {
    expect(contract.fallbackReasons).toEqual(pinned.fallbackReasons)
    expect(contract.payfectHostedOrigins).toEqual(pinned.hostedOrigins)
    expect(contract.routeQuery).toEqual(pinned.routeQuery)
  })

  test('a summary has exactly the pinned keys', () => {
    const read = contract.readCheckoutSummary(summary())
    expect(read.ok && Object.keys(read.summary).sort()).toEqual([...pinned.summaryKeys].sort())
  })
})

function summary(overrides: Record<string, unknown> = {}) {
  return {
    id: 'cs_1',
    url: 'https://buy.payfect.finance/checkouts/cs_1',
    hostedOrigin: 'https://buy.payfect.finance',
    status: 'open',
    amountTotal: '20.00',
    currency: 'usdt',
    expiresAt: '2026-12-06T04:00:00.000Z',
    serverTime: '2026-12-06T03:30:00.000Z',
    clientReferenceId: 'order_1',
    successUrl: 'https://shop.example/thanks',
    cancelUrl: null,
    ...overrides,
  }
}

describe('readCheckoutSummary', () => {
  test('keeps only the contract keys', () => {
    const read = contract.readCheckoutSummary({ ...summary(), merchant: { id: 'm' } })
    expect(read).toEqual({ ok: true, summary: summary() })
  })

  test.each([
    ['a javascript: url', { url: 'javascript:alert(1)' }, 'url (on hostedOrigin)'],
    ['a url on another origin', { url: 'https://evil.example/checkouts/cs_1' }, 'url (on hostedOrigin)'],
    ['a data: hosted origin', { hostedOrigin: 'data:text/html,hi', url: 'data:text/html,hi' }, 'hostedOrigin (https, or http on loopback)'],
    ['an http hosted origin off loopback', { hostedOrigin: 'http://buy.payfect.finance', url: 'http://buy.payfect.finance/x' }, 'hostedOrigin (https, or http on loopback)'],
    ['an unknown status', { status: 'canceled' }, 'status (open, complete or expired)'],
    ['no serverTime', { serverTime: undefined }, 'serverTime (a non-empty string)'],
    ['an unreadable expiry', { expiresAt: 'soon' }, 'expiresAt (an ISO-8601 time or null)'],
    ['a numeric amount', { amountTotal: 20 }, 'amountTotal (a non-empty string)'],
  ])('refuses %s', (_, overrides, problem) => {
    const read = contract.readCheckoutSummary(summary(overrides))
    expect(read.ok).toBe(false)
    expect(!read.ok && read.problems).toContain(problem)
  })

  test('accepts the sandbox over http on loopback', () => {
    const read = contract.readCheckoutSummary(summary({ hostedOrigin: 'http://127.0.0.1:4010', url: 'http://127.0.0.1:4010/checkouts/cs_1' }))
    expect(read.ok).toBe(true)
  })
})

describe('trustedCheckoutUrl', () => {
  const origins = ['https://buy.payfect.finance']
  test.each([
    ['https://buy.payfect.finance/checkouts/cs_1', true],
    ['https://buy.payfect.finance.evil.example/checkouts/cs_1', false],
    ['https://user:pw@buy.payfect.finance/checkouts/cs_1', false],
    ['javascript:alert(document.domain)', false],
    ['data:text/html,<script>parent.postMessage(1,"*")</script>', false],
    ['/checkouts/cs_1', false],
  ])('%s → %s', (url, trusted) => {
    expect(!!contract.trustedCheckoutUrl(url, origins)).toBe(trusted)
  })

  test('the opaque origin "null" never matches, even when listed', () => {
    expect(contract.trustedCheckoutUrl('data:text/html,x', ['null'])).toBeUndefined()
    expect(contract.toHostedOrigin('null')).toBeUndefined()
  })
})

describe('timeToExpiry', () => {
  test('measures against the server clock, not the shopper’s', () => {
    expect(contract.timeToExpiry({ expiresAt: '2026-12-06T04:00:00.000Z', serverTime: '2026-12-06T03:30:00.000Z' })).toBe(30 * 60_000)
    expect(contract.timeToExpiry({ expiresAt: null, serverTime: '2026-12-06T03:30:00.000Z' })).toBeUndefined()
  })
})

describe('createRequestKey', () => {
  test('the same purchase shares a key, another never does', () => {
    const key = contract.createRequestKey
    expect(key({ items: [{ price: 'a' }] })).toBe(key({ items: [{ price: 'a', quantity: 1 }] }))
    expect(key({ items: [{ price: 'a' }] })).not.toBe(key({ items: [{ price: 'b' }] }))
    expect(key({ items: [{ price: 'a' }] })).not.toBe(key({ items: [{ price: 'a', quantity: 2 }] }))
    expect(key({ items: [{ price: 'a' }], clientReferenceId: 'o1' })).not.toBe(key({ items: [{ price: 'a' }], clientReferenceId: 'o2' }))
  })
})

describe('readHostedMessage and readErrorEnvelope', () => {
  test('a hosted message of another version or shape is ignored', () => {
    expect(contract.readHostedMessage(contract.hostedMessage('cancelled', 'cs_1'))).toEqual({ hint: 'cancelled', id: 'cs_1' })
    expect(contract.readHostedMessage({ source: 'payfect', type: 'checkout.complete', id: 'cs_1' })).toBeNull()
    expect(contract.readHostedMessage({ source: 'payfect', version: 2, type: 'checkout.complete', id: 'cs_1' })).toBeNull()
    expect(contract.readHostedMessage({ source: 'payfect', version: 1, type: 'checkout.cancel', id: 'cs_1' })).toBeNull()
  })

  test('an error envelope reads back, an unknown type as api_error', () => {
    expect(contract.readErrorEnvelope({ error: { type: 'permission_error', message: 'No.', code: 'cross_origin' } })).toEqual({ type: 'permission_error', message: 'No.', code: 'cross_origin' })
    expect(contract.readErrorEnvelope({ error: { type: 'teapot', message: 'Hm.' } })).toEqual({ type: 'api_error', message: 'Hm.' })
    expect(contract.readErrorEnvelope({ error: { type: 'api_error' } })).toBeUndefined()
  })
})
