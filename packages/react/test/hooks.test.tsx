import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CheckoutError, PayfectProvider, useCheckoutStatus, useCreateCheckout, usePayfect } from '../src/index'
import { fakeEndpoint, makeCheckout } from './helpers'
import type { ReactNode } from 'react'
import { SWRConfig } from 'swr'

afterEach(() => {
  vi.useRealTimers()
})

function wrapperFor(endpoint: ReturnType<typeof fakeEndpoint>, pollInterval = 20) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <SWRConfig value={{ provider: () => new Map() }}>
        <PayfectProvider fetch={endpoint.fetch} pollInterval={pollInterval}>
          {children}
        </PayfectProvider>
      </SWRConfig>
    )
  }
}

describe('usePayfect', () => {
  it('throws a message naming the fix outside <PayfectProvider>', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(() => usePayfect())).toThrow(/must be used within <PayfectProvider>.*Wrap your app/)
    expect(() => renderHook(() => useCreateCheckout())).toThrow(/must be used within <PayfectProvider>/)
    vi.mocked(console.error).mockRestore()
  })

  it('exposes the resolved configuration', () => {
    const endpoint = fakeEndpoint()
    const { result } = renderHook(() => usePayfect(), { wrapper: wrapperFor(endpoint) })
    expect(result.current).toMatchObject({ endpoint: '/api/payfect/checkouts', locale: 'en', pollInterval: 20 })
    expect(result.current.messages.payWithCrypto).toBe('Pay with crypto')
    expect(result.current.checkoutOrigins()).toEqual([])
    expect(result.current.checkoutOrigin).toBeUndefined()
  })
})

describe('useCreateCheckout', () => {
  it('resolves a second call in flight to the same checkout: one POST', async () => {
    const endpoint = fakeEndpoint()
    const release = endpoint.hold()
    const { result } = renderHook(() => useCreateCheckout(), { wrapper: wrapperFor(endpoint) })
    let first!: Promise<unknown>
    let second!: Promise<unknown>
    act(() => {
      first = result.current.createCheckout({ items: [{ price: 'pro-plan' }] })
      second = result.current.createCheckout({ items: [{ price: 'pro-plan' }] })
    })
    await waitFor(() => expect(result.current.isCreating).toBe(true))
    release()
    let results!: unknown[]
    await act(async () => {
      results = await Promise.all([first, second])
    })
    expect(results[1]).toBe(results[0])
    expect(endpoint.posts()).toHaveLength(1)
    expect(result.current.isCreating).toBe(false)
    expect(result.current.checkout).toMatchObject({ id: 'co_1', url: 'https://checkout.test/checkouts/co_1' })

    // Once settled, a new call creates a new checkout.
    await act(async () => {
      await result.current.createCheckout({ items: [{ price: 'pro-plan' }] })
    })
    expect(endpoint.posts()).toHaveLength(2)
  })

  it('keeps createCheckout stable across renders, and reset() during a creation drops its outcome', async () => {
    const endpoint = fakeEndpoint()
    const release = endpoint.hold()
    const { result, rerender } = renderHook(() => useCreateCheckout(), { wrapper: wrapperFor(endpoint) })
    const { createCheckout } = result.current
    rerender()
    expect(result.current.createCheckout).toBe(createCheckout)
    let pending!: Promise<unknown>
    act(() => {
      pending = result.current.createCheckout({ items: [{ price: 'pro-plan' }] })
    })
    expect(result.current.isCreating).toBe(true)
    act(() => result.current.reset())
    expect(result.current.isCreating).toBe(false)
    release()
    await act(async () => {
      // The caller still gets its checkout; the hook's state stays reset.
      await expect(pending).resolves.toMatchObject({ id: 'co_1' })
    })
    expect(result.current).toMatchObject({ checkout: undefined, error: undefined, isCreating: false })
  })

  it('rejects with a typed CheckoutError, exposes it, and reset() clears it', async () => {
    const endpoint = fakeEndpoint()
    endpoint.failWith(() => Response.json({ error: { type: 'permission_error', message: 'Origin not allowed.' } }, { status: 403 }))
    const { result } = renderHook(() => useCreateCheckout(), { wrapper: wrapperFor(endpoint) })
    let caught: unknown
    await act(async () => {
      caught = await result.current.createCheckout({ items: [{ price: 'x' }] }).catch((error: unknown) => error)
    })
    expect(caught).toBeInstanceOf(CheckoutError)
    expect(caught).toMatchObject({ type: 'permission_error', status: 403, message: 'Origin not allowed.' })
    expect(result.current.error).toBe(caught)
    act(() => result.current.reset())
    expect(result.current.error).toBeUndefined()
  })

  it('wraps whatever a custom createCheckout throws', async () => {
    const { result } = renderHook(() => useCreateCheckout(), {
      wrapper: ({ children }) => (
        <PayfectProvider
          createCheckout={() => {
            throw new Error('backend down')
          }}
        >
          {children}
        </PayfectProvider>
      ),
    })
    let caught: unknown
    await act(async () => {
      caught = await result.current.createCheckout({ items: [] }).catch((error: unknown) => error)
    })
    expect(caught).toMatchObject({ name: 'CheckoutError', type: 'api_error', message: 'Creating the checkout failed: backend down' })
  })

  it('sends the provider headers (a CSRF token read per request)', async () => {
    const endpoint = fakeEndpoint()
    let token = 'one'
    const { result } = renderHook(() => useCreateCheckout(), {
      wrapper: ({ children }) => (
        <PayfectProvider fetch={endpoint.fetch} headers={() => ({ 'X-CSRF-Token': token })}>
          {children}
        </PayfectProvider>
      ),
    })
    await act(async () => {
      await result.current.createCheckout({ items: [{ price: 'a' }] })
    })
    token = 'two'
    await act(async () => {
      await result.current.createCheckout({ items: [{ price: 'a' }] })
    })
    expect(endpoint.posts().map((request) => request.headers.get('x-csrf-token'))).toEqual(['one', 'two'])
  })
})

describe('useCheckoutStatus', () => {
  it('does nothing without an id', async () => {
    const endpoint = fakeEndpoint()
    const { result } = renderHook(() => useCheckoutStatus(null), { wrapper: wrapperFor(endpoint) })
    await act(() => Promise.resolve())
    expect(result.current.status).toBeUndefined()
    expect(endpoint.gets()).toHaveLength(0)
  })

  it('keeps polling while the app re-renders more often than the poll interval', async () => {
    vi.useFakeTimers()
    const endpoint = fakeEndpoint()
    endpoint.put(makeCheckout('co_1'))
    const { result, rerender } = renderHook(() => useCheckoutStatus('co_1'), { wrapper: wrapperFor(endpoint, 300) })
    await act(() => vi.advanceTimersByTimeAsync(50))
    expect(result.current.status).toBe('open')
    endpoint.setStatus('co_1', 'complete')
    // A shop that re-renders every 100 ms (a clock, a poll of its own) must not starve the 300 ms status poll.
    for (let i = 0; i < 12; i++) {
      rerender()
      await act(() => vi.advanceTimersByTimeAsync(100))
    }
    expect(result.current.status).toBe('complete')
  })

  it('polls while open and stops at a terminal status', async () => {
    vi.useFakeTimers()
    const endpoint = fakeEndpoint()
    endpoint.put(makeCheckout('co_1'))
    const { result } = renderHook(() => useCheckoutStatus('co_1'), { wrapper: wrapperFor(endpoint, 100) })
    await act(() => vi.advanceTimersByTimeAsync(50))
    expect(result.current.status).toBe('open')
    const afterFirst = endpoint.gets().length
    await act(() => vi.advanceTimersByTimeAsync(350))
    expect(endpoint.gets().length).toBeGreaterThan(afterFirst)

    endpoint.setStatus('co_1', 'complete')
    await act(() => vi.advanceTimersByTimeAsync(150))
    expect(result.current.status).toBe('complete')
    expect(result.current.checkout?.status).toBe('complete')
    const atTerminal = endpoint.gets().length
    await act(() => vi.advanceTimersByTimeAsync(2000))
    expect(endpoint.gets()).toHaveLength(atTerminal)
  })

  it('asks now with refresh()', async () => {
    const endpoint = fakeEndpoint()
    endpoint.put(makeCheckout('co_1'))
    const { result } = renderHook(() => useCheckoutStatus('co_1', { refreshInterval: 0 }), { wrapper: wrapperFor(endpoint) })
    await waitFor(() => expect(result.current.status).toBe('open'))
    endpoint.setStatus('co_1', 'expired')
    let fresh: unknown
    await act(async () => {
      fresh = await result.current.refresh()
    })
    expect(fresh).toMatchObject({ status: 'expired' })
    expect(result.current.status).toBe('expired')
  })

  it('exposes a typed error for an unknown checkout', async () => {
    const endpoint = fakeEndpoint()
    const { result } = renderHook(() => useCheckoutStatus('nope', { refreshInterval: 0 }), { wrapper: wrapperFor(endpoint) })
    await waitFor(() => expect(result.current.error).toBeInstanceOf(CheckoutError))
    expect(result.current.error).toMatchObject({ type: 'not_found_error', status: 404 })
  })
})
