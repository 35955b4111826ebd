import { hostedMessage } from '@payfect/contract'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CheckoutModal, type Checkout } from '../src/index'
import { checkoutOrigin, fakeEndpoint, makeCheckout, pageOrigin, postFrom, renderWithPayfect } from './helpers'

const flushEffects = () => act(() => Promise.resolve())

// CheckoutModal is code-split: wait for its chunk once, then every render is synchronous.
beforeAll(async () => {
  const { unmount } = renderWithPayfect(<CheckoutModal checkout={null} defaultOpen />)
  await screen.findByRole('dialog')
  unmount()
})

function setup(checkout: Checkout = makeCheckout('co_1')) {
  const endpoint = fakeEndpoint()
  endpoint.put(checkout)
  return { endpoint, checkout }
}

describe('CheckoutModal', () => {

  it('is a labelled, described dialog with the checkout frame, a loading state and "Open in a new window" outside the frame', async () => {
    const { endpoint, checkout } = setup()
    renderWithPayfect(<CheckoutModal checkout={checkout} defaultOpen />, { endpoint })
    const dialog = screen.getByRole('dialog', { name: 'Secure checkout' })
    expect(dialog).toHaveAccessibleDescription('Pay 20.50 USDT with Payfect. This window stays on the store.')
    expect(dialog).toHaveAttribute('data-state', 'open')
    expect(dialog).toHaveAttribute('data-slot', 'checkout-modal')

    const frame = within(dialog).getByTitle('Payfect checkout')
    expect(frame.tagName).toBe('IFRAME')
    expect(frame).toHaveAttribute('src', checkout.url)
    expect(frame).toHaveAttribute('allow', 'clipboard-write; payment')

    expect(within(dialog).getByRole('status')).toHaveTextContent('Loading secure checkout…')
    fireEvent.load(frame)
    expect(within(dialog).queryByRole('status')).toBeNull()

    const control = within(dialog).getByRole('button', { name: 'Open in a new window' })
    expect(frame).not.toContainElement(control)
    expect(within(dialog).getByRole('button', { name: 'Close checkout' })).toBeVisible()
  })

  it('moves the checkout to its own window on "Open in a new window", and reports the fallback', async () => {
    const { endpoint, checkout } = setup()
    const popup = { closed: false, close: vi.fn<() => void>(), location: { href: checkout.url } }
    const open = vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    const onFallback = vi.fn<(event: { reason: string }) => void>()
    const onSuccess = vi.fn<(checkout: Checkout) => void>()
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutModal checkout={checkout} defaultOpen onFallback={onFallback} onSuccess={onSuccess} />, { endpoint })
    await user.click(screen.getByRole('button', { name: 'Open in a new window' }))
    expect(open).toHaveBeenCalledWith(checkout.url, '_blank', expect.stringMatching(/^popup,/))
    expect(onFallback).toHaveBeenCalledWith({ reason: 'opened-by-shopper' })
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    // Still followed in its window: the route's complete ends it there.
    endpoint.setStatus('co_1', 'complete')
    act(() => postFrom(popup, checkoutOrigin, hostedMessage('complete', 'co_1')))
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(popup.close).toHaveBeenCalled()
    open.mockRestore()
  })

  it('arms a ready timeout only when the provider sets readyTimeoutMs, then points to the new window', async () => {
    const { endpoint, checkout } = setup()
    const onFallback = vi.fn<(event: { reason: string }) => void>()
    const { unmount } = renderWithPayfect(<CheckoutModal checkout={checkout} defaultOpen onFallback={onFallback} />, { endpoint, provider: { readyTimeoutMs: 10 } })
    const dialog = screen.getByRole('dialog')
    await waitFor(() => expect(onFallback).toHaveBeenCalledWith({ reason: 'ready-timeout' }))
    expect(dialog).toHaveAttribute('data-status', 'fallback')
    expect(within(dialog).getByText(/open it in a new window instead/)).toBeVisible()
    unmount()
    renderWithPayfect(<CheckoutModal checkout={checkout} defaultOpen onFallback={onFallback} />, { endpoint })
    await flushEffects()
    expect(screen.getByRole('dialog')).toHaveAttribute('data-status', 'open')
  })

  it('shows the frame on the page\'s checkout.ready, before its load; only from that frame and origin', () => {
    const { endpoint, checkout } = setup()
    renderWithPayfect(<CheckoutModal checkout={checkout} defaultOpen />, { endpoint })
    const dialog = screen.getByRole('dialog')
    const frame = within(dialog).getByTitle('Payfect checkout') as HTMLIFrameElement
    const ready = hostedMessage('ready', 'co_1')
    act(() => postFrom(frame.contentWindow, 'https://evil.test', ready))
    act(() => postFrom(window, checkoutOrigin, ready))
    act(() => postFrom(frame.contentWindow, checkoutOrigin, { ...ready, type: 'checkout.loaded' }))
    expect(dialog).toHaveAttribute('data-loading')
    expect(within(dialog).getByRole('status')).toBeVisible()

    act(() => postFrom(frame.contentWindow, checkoutOrigin, ready))
    expect(dialog).not.toHaveAttribute('data-loading')
    expect(within(dialog).queryByRole('status')).toBeNull()
  })

  it('shows the frame on its load when the page posts nothing', () => {
    const { endpoint, checkout } = setup()
    renderWithPayfect(<CheckoutModal checkout={checkout} defaultOpen />, { endpoint })
    const dialog = screen.getByRole('dialog')
    expect(dialog).toHaveAttribute('data-loading')
    fireEvent.load(within(dialog).getByTitle('Payfect checkout'))
    expect(dialog).not.toHaveAttribute('data-loading')
  })

  it('shows the loading state without a frame while the checkout is null, then the checkout in a frame', () => {
    const { endpoint, checkout } = setup()
    const { rerender } = renderWithPayfect(<CheckoutModal checkout={null} defaultOpen />, { endpoint })
    const dialog = screen.getByRole('dialog')
    expect(within(dialog).getByRole('status')).toHaveTextContent('Loading secure checkout…')
    expect(within(dialog).queryByTitle('Payfect checkout')).toBeNull()
    expect(within(dialog).queryByRole('button', { name: 'Open in a new window' })).toBeNull()

    rerender(<CheckoutModal checkout={checkout} defaultOpen />)
    expect(within(dialog).getByTitle('Payfect checkout')).toHaveAttribute('src', checkout.url)
    expect(within(dialog).getByRole('status')).toHaveTextContent('Loading secure checkout…')
    expect(within(dialog).getByRole('button', { name: 'Open in a new window' })).toBeVisible()
  })

  it('gives a different checkout a new frame', () => {
    const { endpoint, checkout } = setup()
    const { rerender } = renderWithPayfect(<CheckoutModal checkout={checkout} defaultOpen />, { endpoint })
    const frame = screen.getByTitle('Payfect checkout')
    rerender(<CheckoutModal checkout={{ ...checkout, id: 'co_other', url: `${checkout.url}-other` }} defaultOpen />)
    const next = screen.getByTitle('Payfect checkout')
    expect(next).not.toBe(frame)
    expect(next).toHaveAttribute('src', `${checkout.url}-other`)
  })

  it('is uncontrolled with defaultOpen: Escape closes it and fires onClose, not onCancel', async () => {
    const { endpoint, checkout } = setup()
    const onClose = vi.fn<(checkout: Checkout | undefined) => void>()
    const onCancel = vi.fn<(checkout: Checkout) => void>()
    const onOpenChange = vi.fn<(open: boolean) => void>()
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutModal checkout={checkout} defaultOpen onClose={onClose} onCancel={onCancel} onOpenChange={onOpenChange} />, { endpoint })
    expect(screen.getByRole('dialog')).toBeVisible()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(onOpenChange).toHaveBeenCalledWith(false)
    expect(onClose).toHaveBeenCalledWith(checkout)
    expect(onCancel).not.toHaveBeenCalled()
  })

  it('closes from its close button', async () => {
    const { endpoint, checkout } = setup()
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutModal checkout={checkout} defaultOpen />, { endpoint })
    await user.click(screen.getByRole('button', { name: 'Close checkout' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('is controlled with open/onOpenChange: the parent decides', async () => {
    const { endpoint, checkout } = setup()
    const onOpenChange = vi.fn<(open: boolean) => void>()
    const user = userEvent.setup()
    const { rerender } = renderWithPayfect(<CheckoutModal checkout={checkout} open={false} onOpenChange={onOpenChange} />, { endpoint })
    expect(screen.queryByRole('dialog')).toBeNull()
    rerender(<CheckoutModal checkout={checkout} open onOpenChange={onOpenChange} />)
    expect(screen.getByRole('dialog')).toBeVisible()
    await user.keyboard('{Escape}')
    expect(onOpenChange).toHaveBeenCalledWith(false)
    // The parent kept `open`, so the dialog stays.
    expect(screen.getByRole('dialog')).toBeVisible()
  })

  it('works with a parent that owns the state', async () => {
    const { endpoint, checkout } = setup()
    const user = userEvent.setup()
    function Shop() {
      const [open, setOpen] = useState(false)
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Checkout
          </button>
          <CheckoutModal checkout={checkout} open={open} onOpenChange={setOpen} />
        </>
      )
    }
    renderWithPayfect(<Shop />, { endpoint })
    const trigger = screen.getByRole('button', { name: 'Checkout' })
    await user.click(trigger)
    expect(screen.getByRole('dialog')).toBeVisible()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(trigger).toHaveFocus()
  })

  it('traps focus inside the dialog', async () => {
    const { endpoint, checkout } = setup()
    const user = userEvent.setup()
    renderWithPayfect(
      <>
        <button type="button">Outside</button>
        <CheckoutModal checkout={checkout} defaultOpen />
      </>,
      { endpoint },
    )
    const dialog = screen.getByRole('dialog')
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement))
    for (let i = 0; i < 4; i++) {
      await user.tab()
      expect(dialog).toContainElement(document.activeElement as HTMLElement)
    }
  })

  it('fires onSuccess exactly once when poll, message and frame navigation all agree', async () => {
    const { endpoint, checkout } = setup()
    const onSuccess = vi.fn<(checkout: Checkout) => void>()
    const onOpenChange = vi.fn<(open: boolean) => void>()
    renderWithPayfect(<CheckoutModal checkout={checkout} open onOpenChange={onOpenChange} onSuccess={onSuccess} />, { endpoint })
    const frame = screen.getByTitle('Payfect checkout') as HTMLIFrameElement
    fireEvent.load(frame)
    await flushEffects()

    // 1. polling sees the paid checkout
    endpoint.setStatus('co_1', 'complete')
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(onOpenChange).toHaveBeenCalledWith(false)
    // 2. the page's message, 3. the frame returning to the success URL (the parent kept the modal open)
    act(() => postFrom(frame.contentWindow, checkoutOrigin, hostedMessage('complete', 'co_1')))
    frame.src = `${pageOrigin}/thanks?order=42`
    fireEvent.load(frame)
    act(() => postFrom(frame.contentWindow, checkoutOrigin, hostedMessage('expired', 'co_1')))
    await flushEffects()
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: 'co_1' }))
  })

  it('fires onCancel (stepped away) when the frame lands on the cancel URL, even one that also matches the success URL', async () => {
    const { endpoint, checkout } = setup()
    const onCancel = vi.fn<(checkout: Checkout) => void>()
    const onSuccess = vi.fn<(checkout: Checkout) => void>()
    renderWithPayfect(<CheckoutModal checkout={checkout} defaultOpen onCancel={onCancel} onSuccess={onSuccess} />, { endpoint })
    const frame = screen.getByTitle('Payfect checkout') as HTMLIFrameElement
    fireEvent.load(frame)
    frame.src = `${pageOrigin}/cart`
    fireEvent.load(frame)
    await waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(onSuccess).not.toHaveBeenCalled()
  })

  it('fires onCancel once when the page\'s message and the frame\'s landing on the cancel URL both report it; again once shown again', async () => {
    const { endpoint, checkout } = setup()
    const onCancel = vi.fn<(checkout: Checkout) => void>()
    // The parent keeps the modal open a moment (as Radix does during its exit animation): the landing still arrives.
    const { rerender } = renderWithPayfect(<CheckoutModal checkout={checkout} open onCancel={onCancel} />, { endpoint })
    const frame = screen.getByTitle('Payfect checkout') as HTMLIFrameElement
    fireEvent.load(frame)
    act(() => postFrom(frame.contentWindow, checkoutOrigin, hostedMessage('cancelled', 'co_1')))
    frame.src = `${pageOrigin}/cart`
    fireEvent.load(frame)
    await flushEffects()
    expect(onCancel).toHaveBeenCalledTimes(1)

    // Closed and shown again, the shopper may step away again: a new onCancel.
    rerender(<CheckoutModal checkout={checkout} open={false} onCancel={onCancel} />)
    rerender(<CheckoutModal checkout={checkout} open onCancel={onCancel} />)
    const again = screen.getByTitle('Payfect checkout') as HTMLIFrameElement
    act(() => postFrom(again.contentWindow, checkoutOrigin, hostedMessage('cancelled', 'co_1')))
    await flushEffects()
    expect(onCancel).toHaveBeenCalledTimes(2)
  })

  it('a cancel URL of "/?checkout=cancel" beside a success URL of "/" is a cancel', async () => {
    const { endpoint, checkout } = setup(makeCheckout('co_1', { successUrl: `${pageOrigin}/`, cancelUrl: `${pageOrigin}/?checkout=cancel` }))
    const onCancel = vi.fn<(checkout: Checkout) => void>()
    const onSuccess = vi.fn<(checkout: Checkout) => void>()
    renderWithPayfect(<CheckoutModal checkout={checkout} defaultOpen onCancel={onCancel} onSuccess={onSuccess} />, { endpoint })
    const frame = screen.getByTitle('Payfect checkout') as HTMLIFrameElement
    frame.src = `${pageOrigin}/?checkout=cancel`
    fireEvent.load(frame)
    await waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(onSuccess).not.toHaveBeenCalled()
  })

  it('confirms a success landing with a read of its own, not one asked before the payment that never answers', async () => {
    const { endpoint, checkout } = setup()
    let stall = false
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
      stall && (init?.method ?? 'GET') === 'GET' ? new Promise<Response>(() => {}) : endpoint.fetch(input, init)) as typeof globalThis.fetch
    const onSuccess = vi.fn<(checkout: Checkout) => void>()
    const { rerender } = renderWithPayfect(<CheckoutModal checkout={checkout} open onSuccess={onSuccess} />, { endpoint, provider: { fetch, pollInterval: 0 } })
    await flushEffects()
    // Shown again, the modal asks the route; that read never comes back.
    stall = true
    rerender(<CheckoutModal checkout={checkout} open={false} onSuccess={onSuccess} />)
    rerender(<CheckoutModal checkout={checkout} open onSuccess={onSuccess} />)
    await waitFor(() => expect(endpoint.gets().length).toBeGreaterThan(0))
    await flushEffects()
    stall = false
    endpoint.setStatus('co_1', 'complete')
    const frame = screen.getByTitle('Payfect checkout') as HTMLIFrameElement
    frame.src = `${pageOrigin}/thanks?order=42`
    fireEvent.load(frame)
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
  })

  it('asks the status endpoint when the frame lands on another page of the store', async () => {
    const paid = setup(makeCheckout('co_1', { successUrl: null, cancelUrl: null }))
    paid.endpoint.setStatus('co_1', 'complete')
    const onSuccess = vi.fn<(checkout: Checkout) => void>()
    renderWithPayfect(<CheckoutModal checkout={paid.checkout} defaultOpen onSuccess={onSuccess} />, { endpoint: paid.endpoint, provider: { pollInterval: 0 } })
    const frame = screen.getByTitle('Payfect checkout') as HTMLIFrameElement
    frame.src = `${pageOrigin}/orders/42`
    fireEvent.load(frame)
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
  })

  it('takes an unpaid landing on another store page for no outcome: the route says open', async () => {
    const { endpoint, checkout } = setup(makeCheckout('co_1', { successUrl: null, cancelUrl: null }))
    const onCancel = vi.fn<(checkout: Checkout) => void>()
    const onSuccess = vi.fn<(checkout: Checkout) => void>()
    renderWithPayfect(<CheckoutModal checkout={checkout} defaultOpen onCancel={onCancel} onSuccess={onSuccess} />, { endpoint, provider: { pollInterval: 0 } })
    const before = endpoint.gets().length
    const frame = screen.getByTitle('Payfect checkout') as HTMLIFrameElement
    frame.src = `${pageOrigin}/`
    fireEvent.load(frame)
    await waitFor(() => expect(endpoint.gets().length).toBeGreaterThan(before))
    await flushEffects()
    expect(onCancel).not.toHaveBeenCalled()
    expect(onSuccess).not.toHaveBeenCalled()
    expect(screen.getByRole('dialog')).toHaveAttribute('data-status', 'open')
  })

  it('fires onSuccess when the shopper closes after paying but before any signal', async () => {
    const { endpoint, checkout } = setup()
    const onSuccess = vi.fn<(checkout: Checkout) => void>()
    const onClose = vi.fn<(checkout: Checkout | undefined) => void>()
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutModal checkout={checkout} defaultOpen onSuccess={onSuccess} onClose={onClose} />, { endpoint, provider: { pollInterval: 0 } })
    endpoint.setStatus('co_1', 'complete')
    await user.keyboard('{Escape}')
    expect(onClose).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
  })

  it('does not succeed again for a checkout that was already complete', async () => {
    const { endpoint, checkout } = setup(makeCheckout('co_1', { status: 'complete' }))
    endpoint.setStatus('co_1', 'complete')
    const onSuccess = vi.fn<(checkout: Checkout) => void>()
    renderWithPayfect(<CheckoutModal checkout={checkout} defaultOpen onSuccess={onSuccess} />, { endpoint })
    const frame = screen.getByTitle('Payfect checkout') as HTMLIFrameElement
    await flushEffects()
    act(() => postFrom(frame.contentWindow, checkoutOrigin, hostedMessage('complete', 'co_1')))
    expect(onSuccess).not.toHaveBeenCalled()
  })

  it('merges className and overlayClassName', () => {
    renderWithPayfect(<CheckoutModal checkout={makeCheckout('co_1')} defaultOpen className="card" overlayClassName="dim" />, { provider: { pollInterval: 0 } })
    expect(screen.getByRole('dialog')).toHaveClass('payfect-modal', 'card')
    expect(document.querySelector('[data-slot="checkout-overlay"]')).toHaveClass('payfect-overlay', 'dim')
  })
})

describe('CheckoutModal with a parent that follows the status too', () => {
  it('succeeds once when the parent hands over a fresher copy that the route reports complete', async () => {
    const { endpoint, checkout } = setup()
    const onSuccess = vi.fn<(checkout: Checkout) => void>()
    const { rerender } = renderWithPayfect(<CheckoutModal checkout={checkout} defaultOpen onSuccess={onSuccess} />, { endpoint })
    await flushEffects()
    endpoint.setStatus('co_1', 'complete')
    rerender(<CheckoutModal checkout={{ ...checkout, status: 'complete' }} defaultOpen onSuccess={onSuccess} />)
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
  })
})

describe('CheckoutModal after a preload', () => {
  it('shows the dialog in the first commit once hover or focus has loaded its chunk (no lazy reveal delay)', async () => {
    vi.resetModules()
    const fresh = await import('../src/index')
    const { render } = await import('@testing-library/react')
    const endpoint = fakeEndpoint()
    const checkout = makeCheckout('co_1')
    endpoint.put(checkout)
    const view = render(
      <fresh.PayfectProvider fetch={endpoint.fetch} checkoutOrigin={checkoutOrigin}>
        <fresh.CheckoutButton items={[{ price: 'pro-plan' }]} />
      </fresh.PayfectProvider>,
    )
    // Hover preloads the modal's chunk, as a shopper's pointer does before the click.
    fireEvent.pointerEnter(screen.getByRole('button'))
    await vi.dynamicImportSettled()
    view.rerender(
      <fresh.PayfectProvider fetch={endpoint.fetch} checkoutOrigin={checkoutOrigin}>
        <fresh.CheckoutButton items={[{ price: 'pro-plan' }]} />
        <fresh.CheckoutModal checkout={checkout} defaultOpen />
      </fresh.PayfectProvider>,
    )
    expect(screen.getByRole('dialog')).toBeInTheDocument()
  })
})
