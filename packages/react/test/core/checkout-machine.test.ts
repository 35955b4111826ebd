// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { createCheckoutMachine, transition } from '../../src/core/checkout-machine'

describe('checkout machine', () => {
  it('leaves open once, to the state the first event names', () => {
    expect(transition('open', 'complete')).toBe('complete')
    expect(transition('open', 'expire')).toBe('expired')
    expect(transition('open', 'cancel')).toBe('cancelled')
  })

  it('absorbs every later event in a terminal state', () => {
    for (const state of ['complete', 'expired', 'cancelled'] as const) {
      for (const type of ['complete', 'expire', 'cancel'] as const) {
        expect(transition(state, type)).toBe(state)
      }
    }
  })

  it('reports exactly one transition however many signals agree', () => {
    const machine = createCheckoutMachine()
    // The page's message, a poll, the return navigation and the popup watcher all agree.
    const results = [1, 2, 3, 4].map(() => machine.send('complete'))
    expect(results).toEqual([true, false, false, false])
    expect(machine.state).toBe('complete')
    expect(machine.send('expire')).toBe(false)
  })

  it('starts from the checkout status, so a paid checkout never succeeds again', () => {
    const machine = createCheckoutMachine('complete')
    expect(machine.send('complete')).toBe(false)
    expect(createCheckoutMachine('expired').state).toBe('expired')
  })
})
