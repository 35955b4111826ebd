// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { createCheckoutMachine, transition } from '../../src/core/checkout-machine'

describe('checkout machine', () => {
  it('leaves open once, to the state the first event names', () => {
    expect(transition('open', { type: 'complete', source: 'message' })).toBe('complete')
    expect(transition('open', { type: 'expire', source: 'timer' })).toBe('expired')
    expect(transition('open', { type: 'cancel', source: 'navigation' })).toBe('canceled')
  })

  it('absorbs every later event in a terminal state', () => {
    for (const state of ['complete', 'expired', 'canceled'] as const) {
      for (const type of ['complete', 'expire', 'cancel'] as const) {
        expect(transition(state, { type, source: 'poll' })).toBe(state)
      }
    }
  })

  it('reports exactly one transition however many signals agree', () => {
    const machine = createCheckoutMachine()
    const results = (['message', 'poll', 'navigation', 'popup'] as const).map((source) => machine.send({ type: 'complete', source }))
    expect(results).toEqual([true, false, false, false])
    expect(machine.state).toBe('complete')
    expect(machine.send({ type: 'expire', source: 'timer' })).toBe(false)
  })

  it('starts from the checkout status, so a paid checkout never succeeds again', () => {
    const machine = createCheckoutMachine('complete')
    expect(machine.send({ type: 'complete', source: 'poll' })).toBe(false)
    expect(createCheckoutMachine('expired').state).toBe('expired')
  })
})
