import { act, renderHook, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { SWRConfig } from 'swr'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { CheckoutButton, PayfectProvider, useCheckoutReturn, type Checkout } from '../src/index'
import { checkoutOrigin, fakeEndpoint, fakePopup, makeCheckout, pageOrigin, renderWithPayfect, type FakeEndpoint } from './helpers'

beforeAll(async () => {
  await Promise.all([import('../src/checkout-modal'), import('../src/popup-tracker')])
})

afterEach(() => {
  sessionStorage.clear()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

const items = [{ price: 'pro-plan' }]

function stubLocation() {
  const assign = vi.fn<(url: string | URL) => void>()
  vi.stubGlobal('location', { ...window.location, href: `${pageOrigin}/thanks?order=42`, origin: pageOrigin, assign })
  return assign
}

function Shop({ endpoint, reference, onSuccess }: { endpoint: FakeEndpoint; reference?: string; onSuccess?: (checkout: Checkout) => void }) {
  return (
    <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
      <PayfectProvider fetch={endpoint.fetch} checkoutOrigin={checkoutOrigin} pollInterval={20}>
        <CheckoutButton items={items} {...(reference ? { clientReferenceId: reference } : {})} onSuccess={onSuccess}>
          Pay
        </CheckoutButton>
      </PayfectProvider>
    </SWRConfig>
  )
}

describe('resume with clientReferenceId', () => {
  it('reuses the order’s open checkout after a remount (a reload), verified through GET ?id=', async () => {
    const endpoint = fakeEndpoint()
    const user = userEvent.setup()
    const first = renderWithPayfect(<Shop endpoint={endpoint} reference="order_42" />)
    await user.click(screen.getByRole('button', { name: 'Pay' }))
    await screen.findByRole('dialog')
    first.unmount()

    const before = endpoint.gets().length
    renderWithPayfect(<Shop endpoint={endpoint} reference="order_42" />)
    const button = screen.getByRole('button', { name: 'Pay' })
    await waitFor(() => expect(button).toHaveAttribute('data-resumed'))
    expect(endpoint.gets()[before]?.url.searchParams.get('id')).toBe('co_1')
    await user.click(button)
    expect((await screen.findByTitle('Payfect checkout')).getAttribute('src')).toBe(`${checkoutOrigin}/checkouts/co_1`)
    expect(endpoint.posts()).toHaveLength(1)
  })

  it('never reuses a stored checkout the route says belongs to another order', async () => {
    const endpoint = fakeEndpoint()
    const user = userEvent.setup()
    const first = renderWithPayfect(<Shop endpoint={endpoint} reference="order_42" />)
    await user.click(screen.getByRole('button', { name: 'Pay' }))
    await screen.findByRole('dialog')
    first.unmount()
    endpoint.put(makeCheckout('co_1', { clientReferenceId: 'order_other' }))
    const before = endpoint.gets().length

    renderWithPayfect(<Shop endpoint={endpoint} reference="order_42" />)
    await waitFor(() => expect(endpoint.gets().length).toBeGreaterThan(before))
    await user.click(screen.getByRole('button', { name: 'Pay' }))
    expect((await screen.findByTitle('Payfect checkout')).getAttribute('src')).toBe(`${checkoutOrigin}/checkouts/co_2`)
    expect(endpoint.posts()).toHaveLength(2)
  })

  it('announces a stored checkout the route reports complete: Paid, onSuccess once', async () => {
    const endpoint = fakeEndpoint()
    const user = userEvent.setup()
    const first = renderWithPayfect(<Shop endpoint={endpoint} reference="order_42" />)
    await user.click(screen.getByRole('button', { name: 'Pay' }))
    await screen.findByRole('dialog')
    first.unmount()
    endpoint.setStatus('co_1', 'complete')

    const onSuccess = vi.fn<(checkout: Checkout) => void>()
    renderWithPayfect(<Shop endpoint={endpoint} reference="order_42" onSuccess={onSuccess} />)
    await waitFor(() => expect(screen.getByRole('button', { name: 'Paid' })).toHaveAttribute('data-status', 'complete'))
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: 'co_1', status: 'complete' }))
  })

  it('falls back to memory when sessionStorage throws', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError')
    })
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError')
    })
    const endpoint = fakeEndpoint()
    const user = userEvent.setup()
    const first = renderWithPayfect(<Shop endpoint={endpoint} reference="order_mem" />)
    await user.click(screen.getByRole('button', { name: 'Pay' }))
    await screen.findByRole('dialog')
    first.unmount()
    renderWithPayfect(<Shop endpoint={endpoint} reference="order_mem" />)
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pay' })).toHaveAttribute('data-resumed'))
  })

  it('keeps nothing without a clientReferenceId, so the same items can be bought again', async () => {
    const endpoint = fakeEndpoint()
    const user = userEvent.setup()
    renderWithPayfect(<Shop endpoint={endpoint} />)
    await user.click(screen.getByRole('button', { name: 'Pay' }))
    await screen.findByRole('dialog')
    expect(sessionStorage).toHaveLength(0)
  })
})

describe('fallback', () => {
  it('asks the framing probe on hover when enabled; a known refusal opens a popup and reports frame-refused', async () => {
    const endpoint = fakeEndpoint()
    endpoint.setEmbeddable(false)
    const popup = fakePopup()
    const open = vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    const onFallback = vi.fn<(event: { reason: string }) => void>()
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutButton items={items} onFallback={onFallback} />, { endpoint, provider: { framingProbe: true } })
    const button = screen.getByRole('button')
    await user.hover(button)
    await waitFor(() => expect(endpoint.requests.some((request) => request.url.searchParams.has('embeddable'))).toBe(true))
    await act(() => Promise.resolve())
    await user.click(button)
    expect(open).toHaveBeenCalledWith('about:blank', '_blank', expect.any(String))
    await waitFor(() => expect(popup.location.href).toBe(`${checkoutOrigin}/checkouts/co_1`))
    expect(onFallback).toHaveBeenCalledWith({ reason: 'frame-refused' })
    expect(button).toHaveAttribute('data-status', 'fallback')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('redirects when the frame is known refused and the popup is blocked', async () => {
    const endpoint = fakeEndpoint()
    endpoint.setEmbeddable(false)
    vi.spyOn(window, 'open').mockReturnValue(null)
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const assign = stubLocation()
    const onFallback = vi.fn<(event: { reason: string }) => void>()
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutButton items={items} onFallback={onFallback} />, { endpoint, provider: { framingProbe: true } })
    await user.hover(screen.getByRole('button'))
    await waitFor(() => expect(endpoint.requests.some((request) => request.url.searchParams.has('embeddable'))).toBe(true))
    await act(() => Promise.resolve())
    await user.click(screen.getByRole('button'))
    await waitFor(() => expect(assign).toHaveBeenCalledWith(`${checkoutOrigin}/checkouts/co_1`))
    expect(onFallback).toHaveBeenCalledWith({ reason: 'frame-refused' })
  })

  it('asks nothing without framingProbe, and opens the modal', async () => {
    const endpoint = fakeEndpoint()
    endpoint.setEmbeddable(false)
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutButton items={items} />, { endpoint })
    await user.hover(screen.getByRole('button'))
    await user.click(screen.getByRole('button'))
    await screen.findByRole('dialog')
    expect(endpoint.requests.some((request) => request.url.searchParams.has('embeddable'))).toBe(false)
  })

  it('mode="auto" redirects on a touch device', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(pointer: coarse)' }))
    const assign = stubLocation()
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutButton items={items} mode="auto" />, { endpoint: fakeEndpoint() })
    await user.click(screen.getByRole('button'))
    await waitFor(() => expect(assign).toHaveBeenCalledWith(`${checkoutOrigin}/checkouts/co_1`))
  })
})

describe('useCheckoutReturn', () => {
  it('confirms the checkout a redirect left for, and succeeds once on the route’s complete', async () => {
    const endpoint = fakeEndpoint()
    stubLocation()
    const user = userEvent.setup()
    const shop = renderWithPayfect(<CheckoutButton items={items} mode="redirect" />, { endpoint })
    await user.click(screen.getByRole('button'))
    await waitFor(() => expect(endpoint.posts()).toHaveLength(1))
    shop.unmount()

    const onSuccess = vi.fn<(checkout: Checkout) => void>()
    const wrapper = ({ children }: { children: ReactNode }) => (
      <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
        <PayfectProvider fetch={endpoint.fetch} checkoutOrigin={checkoutOrigin} pollInterval={20}>
          {children}
        </PayfectProvider>
      </SWRConfig>
    )
    const { result } = renderHook(() => useCheckoutReturn({ onSuccess }), { wrapper })
    await waitFor(() => expect(result.current.phase).toBe('confirming'))
    expect(onSuccess).not.toHaveBeenCalled()
    endpoint.setStatus('co_1', 'complete')
    await waitFor(() => expect(result.current.phase).toBe('complete'))
    expect(onSuccess).toHaveBeenCalledTimes(1)
  })

  it('succeeds once when the route already says complete on the first read (the callback came first)', async () => {
    const endpoint = fakeEndpoint()
    stubLocation()
    const user = userEvent.setup()
    const shop = renderWithPayfect(<CheckoutButton items={items} mode="redirect" />, { endpoint })
    await user.click(screen.getByRole('button'))
    await waitFor(() => expect(endpoint.posts()).toHaveLength(1))
    shop.unmount()
    endpoint.setStatus('co_1', 'complete')

    const onSuccess = vi.fn<(checkout: Checkout) => void>()
    const wrapper = ({ children }: { children: ReactNode }) => (
      <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>
        <PayfectProvider fetch={endpoint.fetch} checkoutOrigin={checkoutOrigin} pollInterval={20}>
          {children}
        </PayfectProvider>
      </SWRConfig>
    )
    const { result } = renderHook(() => useCheckoutReturn({ onSuccess }), { wrapper })
    await waitFor(() => expect(result.current.phase).toBe('complete'))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ id: 'co_1', status: 'complete' })
  })
})

describe('development warnings', () => {
  it('warns once when the stylesheet is not applied, and logs the route’s message when creation fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const endpoint = fakeEndpoint()
    endpoint.failWith(() => Response.json({ error: { type: 'invalid_request_error', message: 'Unknown price "pro-plan".' } }, { status: 400 }))
    const user = userEvent.setup()
    vi.resetModules()
    const fresh = await import('../src/index')
    renderWithPayfect(<fresh.PayfectProvider fetch={endpoint.fetch}><fresh.CheckoutButton items={items} /></fresh.PayfectProvider>)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("stylesheet isn't applied"))
    await user.click(screen.getByRole('button'))
    await screen.findByRole('alert')
    expect(error).toHaveBeenCalledWith('[@payfect/react] Creating the checkout failed: Unknown price "pro-plan".')
  })

  it('warns when a provider has a createCheckout override and no status source', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.resetModules()
    const fresh = await import('../src/index')
    renderWithPayfect(<fresh.PayfectProvider createCheckout={async () => makeCheckout('x')}><fresh.CheckoutButton items={items} /></fresh.PayfectProvider>)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('createCheckout is set but getCheckout is not'))
  })
})
