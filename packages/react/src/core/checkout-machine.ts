import type { CheckoutStatus } from './types'

/** Where a tracked checkout stands. `open` is the only state that ever changes. */
export type CheckoutMachineState = 'open' | 'complete' | 'expired' | 'cancelled'

/** What a signal (page message, status poll, navigation, timer) reports. */
export type CheckoutMachineEvent = 'complete' | 'expire' | 'cancel'

const targets = { complete: 'complete', expire: 'expired', cancel: 'cancelled' } as const

/** The pure transition: terminal states absorb every event, so an outcome is decided once. */
export function transition(state: CheckoutMachineState, event: CheckoutMachineEvent): CheckoutMachineState {
  return state === 'open' ? targets[event] : state
}

export interface CheckoutMachine {
  readonly state: CheckoutMachineState
  /** Applies an event; returns `true` only for the one event that ends the checkout. */
  send(event: CheckoutMachineEvent): boolean
}

/** The machine starts from the checkout's own status, so an already-paid checkout never "succeeds" twice. */
export function createCheckoutMachine(status: CheckoutStatus = 'open'): CheckoutMachine {
  let state: CheckoutMachineState = status
  return {
    get state() {
      return state
    },
    send(event) {
      const next = transition(state, event)
      if (next === state) return false
      state = next
      return true
    },
  }
}
