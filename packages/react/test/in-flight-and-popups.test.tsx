import { hostedMessage } from '@payfect/contract'
import { act, renderHook, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { SWRConfig } from 'swr'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CheckoutButton, PayfectProvider, useCreateCheckout } from '../src/index'
import { checkoutOrigin, fakeEndpoint, fakePopup, postFrom, renderWithPayfect } from './helpers'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('keyed in-flight creation (issue 12)', () => {
  it('button B clicked while A’s creation is in flight gets its own checkout, for its own items', async () => {
    const endpoint = fakeEndpoint()
    const release = endpoint.hold()
    const user = userEvent.setup()
    renderWithPayfect(
      <>
        <section aria-label="Cart A">
          <CheckoutButton items={[{ price: 'hoodie' }]} clientReferenceId="order_a" mode="redirect" />
        </section>
        <section aria-label="Cart B">
          <CheckoutButton items={[{ price: 'mug', quantity: 3 }]} clientReferenceId="order_b" />
        </section>
      </>,
      { endpoint },
    )
    const assign = vi.fn<(url: string) => void>()
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign } as Location)
    await user.click(within(screen.getByRole('region', { name: 'Cart A' })).getByRole('button'))
    await user.click(within(screen.getByRole('region', { name: 'Cart B' })).getByRole('button'))
    release()
    const dialog = await screen.findByRole('dialog')
    await waitFor(() => expect(assign).toHaveBeenCalledTimes(1))
    expect(endpoint.posts().map((post) => post.body)).toEqual([
      { items: [{ price: 'hoodie' }], clientReferenceId: 'order_a' },
      { items: [{ price: 'mug', quantity: 3 }], clientReferenceId: 'order_b' },
    ])
    // A went to its own checkout; B's modal frames the other one.
    expect(assign).toHaveBeenCalledWith(`${checkoutOrigin}/checkouts/co_1`)
    expect(within(dialog).getByTitle('Payfect checkout')).toHaveAttribute('src', `${checkoutOrigin}/checkouts/co_2`)
  })

  it('createCheckout() twice with different items resolves to two checkouts; the same purchase twice to one', async () => {
    const endpoint = fakeEndpoint()
    const release = endpoint.hold()
    const wrapper = ({ children }: { children: ReactNode }) => (
      <SWRConfig value={{ provider: () => new Map() }}>
        <PayfectProvider fetch={endpoint.fetch}>{children}</PayfectProvider>
      </SWRConfig>
    )
    const { result } = renderHook(() => useCreateCheckout(), { wrapper })
    let calls: Promise<{ id: string; clientReferenceId: string | null }>[] = []
    act(() => {
      calls = [
        result.current.createCheckout({ items: [{ price: 'a' }], clientReferenceId: 'o1' }),
        result.current.createCheckout({ items: [{ price: 'b' }], clientReferenceId: 'o2' }),
        result.current.createCheckout({ items: [{ price: 'a', quantity: 1 }], clientReferenceId: 'o1' }),
      ]
    })
    release()
    const [a, b, again] = await Promise.all(calls)
    expect(a).toMatchObject({ id: 'co_1', clientReferenceId: 'o1' })
    expect(b).toMatchObject({ id: 'co_2', clientReferenceId: 'o2' })
    expect(again?.id).toBe('co_1')
    expect(endpoint.posts()).toHaveLength(2)
  })
})

describe('popup isolation (issue 12)', () => {
  it('gives each popup its own window, and ends a button’s tracker when it opens another', async () => {
    const popups = [fakePopup(), fakePopup(), fakePopup()]
    const open = vi.spyOn(window, 'open').mockImplementation(() => popups[open.mock.calls.length - 1] as unknown as Window)
    const endpoint = fakeEndpoint()
    const onSuccess = vi.fn<() => void>()
    const user = userEvent.setup()
    renderWithPayfect(
      <>
        <CheckoutButton items={[{ price: 'a' }]} mode="popup" onSuccess={onSuccess}>
          Pay A
        </CheckoutButton>
        <CheckoutButton items={[{ price: 'b' }]} mode="popup">
          Pay B
        </CheckoutButton>
      </>,
      { endpoint, provider: { pollInterval: 0 } },
    )
    await user.click(screen.getByRole('button', { name: 'Pay A' }))
    await waitFor(() => expect(popups[0]!.location.href).toBe(`${checkoutOrigin}/checkouts/co_1`))
    await user.click(screen.getByRole('button', { name: 'Pay B' }))
    await waitFor(() => expect(popups[1]!.location.href).toBe(`${checkoutOrigin}/checkouts/co_2`))
    // No shared name: a second window.open never returns (and re-points) the first window.
    for (const [, name] of open.mock.calls) expect(name).toBe('_blank')

    // A opens its checkout again, in a new popup: its first popup and that popup's tracker end.
    await user.click(screen.getByRole('button', { name: 'Pay A' }))
    await waitFor(() => expect(popups[2]!.location.href).toBe(`${checkoutOrigin}/checkouts/co_1`))
    expect(popups[0]!.close).toHaveBeenCalled()
    // B's window, and A's first, cannot speak for A's checkout: no confirming starts.
    act(() => postFrom(popups[1], checkoutOrigin, hostedMessage('complete', 'co_2')))
    act(() => postFrom(popups[1], checkoutOrigin, hostedMessage('complete', 'co_1')))
    act(() => postFrom(popups[0], checkoutOrigin, hostedMessage('complete', 'co_1')))
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(onSuccess).not.toHaveBeenCalled()
    expect(screen.getByRole('button', { name: 'Pay A' })).toHaveAttribute('data-status', 'open')
  })
})
