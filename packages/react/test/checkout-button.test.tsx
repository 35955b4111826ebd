import { hostedMessage } from '@payfect/contract'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createRef, StrictMode } from 'react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { CheckoutButton, CheckoutError, type Checkout } from '../src/index'
import { zhTW } from '../src/locales/zh-TW'
import { checkoutOrigin, fakeEndpoint, fakePopup, makeCheckout, pageOrigin, postFrom, renderWithPayfect } from './helpers'

// The modal and popup tracker are lazily loaded chunks; load them once up front so
// the first test does not also measure the module transform.
beforeAll(async () => {
  await Promise.all([import('../src/checkout-modal'), import('../src/popup-tracker')])
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  document.head.querySelectorAll('link[rel="preconnect"]').forEach((link) => link.remove())
})

const items = [{ price: 'pro-plan', quantity: 1 }]

const outcome = () => vi.fn<(checkout: Checkout) => void>()

/** Lets React run pending passive effects and settle lazy parts (listeners attach in effects). */
const flushEffects = async () => {
  for (let i = 0; i < 3; i++) await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
}

async function openCheckout(endpoint = fakeEndpoint(), props: Partial<Parameters<typeof CheckoutButton>[0]> = {}) {
  const user = userEvent.setup()
  const handlers = { onSuccess: outcome(), onCancel: outcome(), onExpire: outcome(), onError: vi.fn<(error: CheckoutError) => void>(), onClose: outcome() }
  renderWithPayfect(
    <CheckoutButton items={items} clientReferenceId="order_42" {...handlers} {...props}>
      Pay with crypto
    </CheckoutButton>,
    { endpoint },
  )
  const button = screen.getByRole('button', { name: /pay with crypto/i })
  await user.click(button)
  const dialog = await screen.findByRole('dialog', { name: 'Secure checkout' })
  const frame = within(dialog).getByTitle('Payfect checkout') as HTMLIFrameElement
  fireEvent.load(frame)
  await flushEffects()
  return { user, button, dialog, frame, endpoint, handlers }
}

describe('CheckoutButton states', () => {
  it('goes idle → creating (busy, spinner, still focusable) → open', async () => {
    const endpoint = fakeEndpoint()
    const release = endpoint.hold()
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutButton items={items}>Pay with crypto</CheckoutButton>, { endpoint })
    const button = screen.getByRole('button', { name: /pay with crypto/i })
    expect(button).toHaveAttribute('data-status', 'idle')
    expect(button).toHaveAttribute('type', 'button')
    expect(button).not.toHaveAttribute('aria-busy')

    await user.click(button)
    expect(button).toHaveAttribute('data-status', 'creating')
    expect(button).toHaveAttribute('aria-busy', 'true')
    // aria-disabled, not disabled: the button keeps keyboard focus while busy.
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(button).not.toBeDisabled()
    expect(button).toHaveFocus()
    expect(button.querySelector('[data-slot="spinner"]')).toBeInTheDocument()
    expect(button).toHaveTextContent('Creating checkout…')
    expect(screen.queryByRole('dialog')).toBeNull()

    release()
    const dialog = await screen.findByRole('dialog', { name: 'Secure checkout' })
    expect(within(dialog).getByTitle('Payfect checkout')).toHaveAttribute('src', expect.stringContaining('/checkouts/co_'))
    expect(button).toHaveAttribute('data-status', 'open')
    expect(button).not.toHaveAttribute('aria-disabled')
    expect(button.querySelector('[data-slot="spinner"]')).toBeNull()
    expect(endpoint.posts()[0]?.body).toEqual({ items })
  })

  it('ignores a click while creating', async () => {
    const endpoint = fakeEndpoint()
    const release = endpoint.hold()
    renderWithPayfect(<CheckoutButton items={items} />, { endpoint })
    const button = screen.getByRole('button', { name: 'Pay with crypto' })
    fireEvent.click(button)
    fireEvent.click(button)
    release()
    await screen.findByRole('dialog')
    expect(endpoint.posts()).toHaveLength(1)
  })

  it('creates one checkout on a double click', async () => {
    const endpoint = fakeEndpoint()
    const release = endpoint.hold()
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutButton items={items} />, { endpoint })
    const button = screen.getByRole('button', { name: 'Pay with crypto' })
    await user.dblClick(button)
    release()
    await screen.findByRole('dialog')
    // A click on the button of an open checkout reopens it rather than buying twice.
    fireEvent.click(button)
    expect(endpoint.posts()).toHaveLength(1)
  })

  it('keeps the modal open when a double click’s second press lands on the overlay it just opened', async () => {
    const endpoint = fakeEndpoint()
    // Radix gives <body> pointer-events: none under the modal; a browser still delivers presses on the overlay.
    const user = userEvent.setup({ pointerEventsCheck: 0 })
    renderWithPayfect(<CheckoutButton items={items} />, { endpoint })
    await user.click(screen.getByRole('button', { name: 'Pay with crypto' }))
    await screen.findByRole('dialog')
    const overlay = document.querySelector<HTMLElement>('[data-slot="checkout-overlay"]')!
    // Radix dismisses on a press outside the card (its listener attaches a tick after opening); one
    // within a double-click interval of the opening is the double click's second press, not a dismissal.
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 10)))
    await user.pointer({ keys: '[MouseLeft]', target: overlay })
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 10)))
    expect(screen.getByRole('dialog')).toBeVisible()
    // Later, a press on the overlay closes it as usual.
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 520)))
    await user.pointer({ keys: '[MouseLeft]', target: overlay })
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('shows an alert with a retry on error, reports a typed error, and recovers', async () => {
    const endpoint = fakeEndpoint()
    endpoint.failWith(() =>
      Response.json({ error: { type: 'invalid_request_error', message: 'Unknown price.', fields: { 'items[0].price': ['Unknown price.'] } } }, { status: 400 }),
    )
    const onError = vi.fn<(error: CheckoutError) => void>()
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutButton items={items} onError={onError} />, { endpoint })
    const button = screen.getByRole('button', { name: 'Pay with crypto' })
    await user.click(button)

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('We couldn’t start the checkout. Please try again.')
    expect(button).toHaveAttribute('data-status', 'error')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(button).toHaveFocus()
    expect(onError).toHaveBeenCalledTimes(1)
    const error = onError.mock.calls[0]?.[0] as CheckoutError
    expect(error).toBeInstanceOf(CheckoutError)
    expect(error).toMatchObject({ type: 'invalid_request_error', status: 400, fields: { 'items[0].price': ['Unknown price.'] } })

    endpoint.failWith(undefined)
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    await screen.findByRole('dialog')
    expect(screen.queryByRole('alert')).toBeNull()
    expect(button).toHaveAttribute('data-status', 'open')
    expect(endpoint.posts()).toHaveLength(2)
  })

  it('reports a network failure as network_error', async () => {
    const onError = vi.fn<(error: CheckoutError) => void>()
    const user = userEvent.setup()
    const fetch = () => Promise.reject(new TypeError('Failed to fetch'))
    renderWithPayfect(<CheckoutButton items={items} onError={onError} />, { provider: { fetch } })
    await user.click(screen.getByRole('button'))
    await screen.findByRole('alert')
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ type: 'network_error' })
  })

  it('lets the user onClick run first and preventDefault the checkout', async () => {
    const endpoint = fakeEndpoint()
    const order: string[] = []
    const user = userEvent.setup()
    renderWithPayfect(
      <CheckoutButton
        items={items}
        onClick={(event) => {
          order.push('user')
          event.preventDefault()
        }}
      />,
      { endpoint },
    )
    await user.click(screen.getByRole('button'))
    expect(order).toEqual(['user'])
    expect(screen.getByRole('button')).toHaveAttribute('data-status', 'idle')
    expect(endpoint.posts()).toHaveLength(0)
  })

  it('merges className, forwards the ref and passes DOM props through', () => {
    const ref = createRef<HTMLButtonElement>()
    renderWithPayfect(<CheckoutButton ref={ref} items={items} className="mine" id="buy" aria-describedby="terms" />)
    const button = screen.getByRole('button')
    expect(ref.current).toBe(button)
    expect(button).toHaveClass('payfect-button', 'mine')
    expect(button).toHaveAttribute('data-slot', 'checkout-button')
    expect(button).toHaveAttribute('id', 'buy')
    expect(button).toHaveAttribute('aria-describedby', 'terms')
    expect(button).not.toHaveAttribute('items')
  })

  it('renders the merchant element with asChild', async () => {
    const endpoint = fakeEndpoint()
    const user = userEvent.setup()
    const ref = createRef<HTMLButtonElement>()
    renderWithPayfect(
      <CheckoutButton asChild items={items} className="merged" ref={ref}>
        <a href="#buy" className="own">
          Buy now
        </a>
      </CheckoutButton>,
      { endpoint },
    )
    const link = screen.getByRole('link', { name: 'Buy now' })
    expect(link).toHaveClass('own', 'payfect-button', 'merged')
    expect(link).toHaveAttribute('data-status', 'idle')
    expect(ref.current).toBe(link)
    await user.click(link)
    await screen.findByRole('dialog')
    expect(link).toHaveAttribute('data-status', 'open')
  })

  it('uses the provider createCheckout instead of the endpoint', async () => {
    const createCheckout = vi.fn<() => Promise<Checkout>>(async () => makeCheckout('custom_1'))
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutButton items={items} clientReferenceId="order_7" />, { provider: { createCheckout, getCheckout: async (id) => makeCheckout(id) } })
    await user.click(screen.getByRole('button'))
    const dialog = await screen.findByRole('dialog')
    expect(createCheckout).toHaveBeenCalledWith({ items, clientReferenceId: 'order_7' })
    expect(within(dialog).getByTitle('Payfect checkout')).toHaveAttribute('src', `${checkoutOrigin}/checkouts/custom_1`)
  })

  it('reopens the same open checkout after the shopper closed the modal', async () => {
    const { user, button, endpoint, handlers } = await openCheckout()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(handlers.onClose).toHaveBeenCalledTimes(1)
    expect(handlers.onCancel).not.toHaveBeenCalled()
    expect(button).toHaveAttribute('data-status', 'idle')
    expect(button).toHaveFocus()
    await user.click(button)
    await screen.findByRole('dialog')
    expect(endpoint.posts()).toHaveLength(1)
  })
})

describe('CheckoutButton completion', () => {
  it('takes the page message as a hint: confirming until the route says complete, then succeeds once', async () => {
    const { button, frame, endpoint, handlers } = await openCheckout()
    act(() => postFrom(frame.contentWindow, checkoutOrigin, hostedMessage('complete', 'co_1')))
    act(() => postFrom(frame.contentWindow, checkoutOrigin, hostedMessage('complete', 'co_1')))
    await waitFor(() => expect(button).toHaveAttribute('data-status', 'confirming'))
    expect(handlers.onSuccess).not.toHaveBeenCalled()
    expect(screen.getByRole('dialog', { name: 'Confirming your payment' })).toBeVisible()
    endpoint.setStatus('co_1', 'complete')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(handlers.onSuccess).toHaveBeenCalledTimes(1)
    expect(handlers.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: 'co_1', status: 'complete' }))
    expect(button).toHaveAttribute('data-status', 'complete')
    expect(screen.getByRole('status')).toHaveTextContent('Payment received')
    expect(handlers.onClose).not.toHaveBeenCalled()
  })

  it('succeeds once from status polling alone', async () => {
    const { button, endpoint, handlers } = await openCheckout()
    await waitFor(() => expect(endpoint.gets().length).toBeGreaterThan(0))
    endpoint.setStatus('co_1', 'complete')
    await waitFor(() => expect(button).toHaveAttribute('data-status', 'complete'))
    expect(handlers.onSuccess).toHaveBeenCalledTimes(1)
  })

  it('never succeeds on a success landing the route does not confirm: pending, not an error', async () => {
    const onPending = outcome()
    const { button, frame, handlers } = await openCheckout(fakeEndpoint(), { onPending })
    frame.src = `${pageOrigin}/thanks?order=42&paid=1`
    fireEvent.load(frame)
    await waitFor(() => expect(button).toHaveAttribute('data-status', 'confirming'))
    // Six reads, backing off from the 20 ms poll interval: not a wait on the clock, a wait for the reads.
    await waitFor(() => expect(button).toHaveAttribute('data-status', 'pending'), { timeout: 5000 })
    expect(onPending).toHaveBeenCalledTimes(1)
    expect(handlers.onSuccess).not.toHaveBeenCalled()
    expect(handlers.onError).not.toHaveBeenCalled()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByRole('dialog', { name: 'Payment pending' })).toBeVisible()
  })

  it('ignores messages from another origin, another window or another checkout', async () => {
    const { button, frame, handlers } = await openCheckout()
    const complete = hostedMessage('complete', 'co_1')
    act(() => postFrom(frame.contentWindow, 'https://evil.test', complete))
    act(() => postFrom(window, checkoutOrigin, complete))
    act(() => postFrom(null, checkoutOrigin, complete))
    act(() => postFrom(frame.contentWindow, checkoutOrigin, { ...complete, id: 'co_other' }))
    act(() => postFrom(frame.contentWindow, checkoutOrigin, { source: 'payfect', type: 'checkout.complete', id: 'co_1' }))
    await flushEffects()
    expect(button).toHaveAttribute('data-status', 'open')
    act(() => postFrom(frame.contentWindow, checkoutOrigin, complete))
    await waitFor(() => expect(button).toHaveAttribute('data-status', 'confirming'))
    expect(handlers.onSuccess).not.toHaveBeenCalled()
  })

  it('treats the page cancel signal as cancel: back to idle', async () => {
    const { button, frame, handlers } = await openCheckout()
    act(() => postFrom(frame.contentWindow, checkoutOrigin, hostedMessage('cancelled', 'co_1')))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(handlers.onCancel).toHaveBeenCalledTimes(1)
    expect(handlers.onSuccess).not.toHaveBeenCalled()
    expect(button).toHaveAttribute('data-status', 'idle')
  })

  it('expires only on the route’s word, and offers a new checkout', async () => {
    const user = userEvent.setup()
    const onExpire = vi.fn<(checkout: Checkout) => void>()
    let n = 0
    const created = (id: string) => makeCheckout(id, { expiresAt: new Date(Date.now() - 1000).toISOString() })
    const createCheckout = async () => (++n === 1 ? created('co_1') : makeCheckout(`co_${n}`))
    const getCheckout = async (id: string) => (id === 'co_1' ? { ...created(id), status: 'expired' as const } : makeCheckout(id))
    renderWithPayfect(<CheckoutButton items={items} onExpire={onExpire} />, { provider: { createCheckout, getCheckout } })
    const button = screen.getByRole('button')
    await user.click(button)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('This checkout expired before it was paid.')
    expect(button).toHaveAttribute('data-status', 'expired')
    expect(onExpire).toHaveBeenCalledTimes(1)
    expect(onExpire).toHaveBeenCalledWith(expect.objectContaining({ id: 'co_1', status: 'expired' }))
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    await screen.findByRole('dialog')
    expect(button).toHaveAttribute('data-status', 'open')
  })

  it('expires when polling reports expired', async () => {
    const { button, endpoint, handlers } = await openCheckout()
    endpoint.setStatus('co_1', 'expired')
    await waitFor(() => expect(button).toHaveAttribute('data-status', 'expired'))
    expect(handlers.onExpire).toHaveBeenCalledTimes(1)
    expect(handlers.onSuccess).not.toHaveBeenCalled()
  })
})

describe('CheckoutButton redirect and popup', () => {
  function stubLocation() {
    const assign = vi.fn<(url: string | URL) => void>()
    vi.stubGlobal('location', { ...window.location, href: window.location.href, origin: pageOrigin, assign })
    return assign
  }

  it('redirect mode navigates the page to the checkout', async () => {
    const assign = stubLocation()
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutButton items={items} mode="redirect" />, { endpoint: fakeEndpoint() })
    await user.click(screen.getByRole('button'))
    await waitFor(() => expect(assign).toHaveBeenCalledWith(`${checkoutOrigin}/checkouts/co_1`))
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('popup mode opens a centred blank window inside the click, then points it at the checkout', async () => {
    const popup = fakePopup()
    const open = vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    const endpoint = fakeEndpoint()
    const release = endpoint.hold()
    const onSuccess = vi.fn<(checkout: Checkout) => void>()
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutButton items={items} mode="popup" onSuccess={onSuccess} />, { endpoint })
    const button = screen.getByRole('button')
    await user.click(button)
    // Still creating: the window had to be opened before the request finished.
    expect(button).toHaveAttribute('data-status', 'creating')
    expect(open).toHaveBeenCalledTimes(1)
    expect(open).toHaveBeenCalledWith('about:blank', '_blank', expect.stringMatching(/^popup,width=\d+,height=\d+,left=\d+,top=\d+$/))
    release()
    await waitFor(() => expect(popup.location.href).toBe(`${checkoutOrigin}/checkouts/co_1`))
    expect(button).toHaveAttribute('data-status', 'open')
    // The lazily loaded popup tracker is live once it has polled the status endpoint.
    await waitFor(() => expect(endpoint.gets().length).toBeGreaterThan(0))

    act(() => postFrom({}, checkoutOrigin, hostedMessage('complete', 'co_1')))
    expect(button).toHaveAttribute('data-status', 'open')
    act(() => postFrom(popup, checkoutOrigin, hostedMessage('complete', 'co_1')))
    await waitFor(() => expect(button).toHaveAttribute('data-status', 'confirming'))
    expect(onSuccess).not.toHaveBeenCalled()
    endpoint.setStatus('co_1', 'complete')
    await waitFor(() => expect(button).toHaveAttribute('data-status', 'complete'))
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(popup.close).toHaveBeenCalled()
  })

  it('popup mode notices the popup landing on the success URL', async () => {
    const popup = fakePopup()
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    const onSuccess = vi.fn<(checkout: Checkout) => void>()
    const user = userEvent.setup()
    const endpoint = fakeEndpoint()
    renderWithPayfect(<CheckoutButton items={items} mode="popup" onSuccess={onSuccess} />, { endpoint })
    await user.click(screen.getByRole('button'))
    await waitFor(() => expect(popup.location.href).toContain('/checkouts/co_1'))
    endpoint.setStatus('co_1', 'complete')
    popup.location.href = `${pageOrigin}/thanks?order=42`
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(popup.close).toHaveBeenCalled()
  })

  it('popup mode keeps confirming after closing the popup that landed on the success URL: no onClose, onSuccess once the route says complete', async () => {
    const popup = fakePopup()
    // Counts the watcher's looks at the window once it is closed.
    let closedReads = 0
    Object.defineProperty(popup, 'closed', {
      get: () => (popup.close.mock.calls.length > 0 ? (closedReads++, true) : false),
      set: () => {},
    })
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    const onSuccess = outcome()
    const onClose = outcome()
    const user = userEvent.setup()
    const endpoint = fakeEndpoint()
    renderWithPayfect(<CheckoutButton items={items} mode="popup" onSuccess={onSuccess} onClose={onClose} />, { endpoint })
    const button = screen.getByRole('button')
    await user.click(button)
    await waitFor(() => expect(popup.location.href).toContain('/checkouts/co_1'))
    // Paid; the route still says open (confirmations).
    popup.location.href = `${pageOrigin}/thanks?order=42`
    await waitFor(() => expect(popup.close).toHaveBeenCalled())
    await waitFor(() => expect(closedReads).toBeGreaterThan(0))
    await flushEffects()
    expect(button.getAttribute('data-status')).toMatch(/^(confirming|pending)$/)
    endpoint.setStatus('co_1', 'complete')
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(button).toHaveAttribute('data-status', 'complete')
    expect(onClose).not.toHaveBeenCalled()
  })

  it('popup mode returns to idle when the shopper closes the popup unpaid', async () => {
    const popup = fakePopup()
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    const onClose = vi.fn<(checkout: Checkout) => void>()
    const onCancel = vi.fn<(checkout: Checkout) => void>()
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutButton items={items} mode="popup" onClose={onClose} onCancel={onCancel} />, { endpoint: fakeEndpoint() })
    const button = screen.getByRole('button')
    await user.click(button)
    await waitFor(() => expect(button).toHaveAttribute('data-status', 'open'))
    popup.closed = true
    await waitFor(() => expect(button).toHaveAttribute('data-status', 'idle'))
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(onCancel).not.toHaveBeenCalled()
  })

  it('popup mode falls back to a redirect when the popup is blocked', async () => {
    const assign = stubLocation()
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const user = userEvent.setup()
    const onFallback = vi.fn<(event: { reason: string }) => void>()
    renderWithPayfect(<CheckoutButton items={items} mode="popup" onFallback={onFallback} />, { endpoint: fakeEndpoint() })
    await user.click(screen.getByRole('button'))
    await waitFor(() => expect(assign).toHaveBeenCalledWith(`${checkoutOrigin}/checkouts/co_1`))
    expect(open).toHaveBeenCalledTimes(1)
    expect(onFallback).toHaveBeenCalledWith({ reason: 'popup-blocked' })
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[@payfect\/react\] The checkout popup was blocked/))
  })

  it('closes the blank popup when creating the checkout fails', async () => {
    const popup = fakePopup()
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window)
    const endpoint = fakeEndpoint()
    endpoint.failWith(() => Response.json({ error: { type: 'api_error', message: 'Down.' } }, { status: 502 }))
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutButton items={items} mode="popup" />, { endpoint })
    await user.click(screen.getByRole('button'))
    await screen.findByRole('alert')
    expect(popup.close).toHaveBeenCalled()
  })
})

describe('CheckoutButton preloading and locale', () => {
  it('preconnects to the checkout origin once on hover or focus', async () => {
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutButton items={items} />, { endpoint: fakeEndpoint() })
    const button = screen.getByRole('button')
    await user.hover(button)
    await user.unhover(button)
    await user.hover(button)
    fireEvent.focus(button)
    const links = document.head.querySelectorAll(`link[rel="preconnect"][href="${checkoutOrigin}"]`)
    expect(links).toHaveLength(1)
  })

  it('also preconnects to the origin of the last checkout URL', async () => {
    const user = userEvent.setup()
    const checkout: Checkout = { ...makeCheckout('x1'), url: 'http://127.0.0.1:4010/checkouts/x1', hostedOrigin: 'http://127.0.0.1:4010' }
    renderWithPayfect(<CheckoutButton items={items} />, { provider: { checkoutOrigin: undefined, createCheckout: async () => checkout, getCheckout: async () => checkout } })
    await user.click(screen.getByRole('button'))
    await screen.findByRole('dialog')
    await user.keyboard('{Escape}')
    await user.unhover(screen.getByRole('button'))
    await user.hover(screen.getByRole('button'))
    expect(document.head.querySelector('link[rel="preconnect"][href="http://127.0.0.1:4010"]')).toBeInTheDocument()
  })

  it('speaks zh-TW, with overrides', async () => {
    const user = userEvent.setup()
    renderWithPayfect(<CheckoutButton items={items} />, { endpoint: fakeEndpoint(), provider: { locale: 'zh-TW', messages: { ...zhTW, modalTitle: '用 USDT 付款' } } })
    const button = screen.getByRole('button', { name: '使用加密貨幣付款' })
    await user.click(button)
    const dialog = await screen.findByRole('dialog', { name: '用 USDT 付款' })
    expect(dialog).toHaveAccessibleDescription('透過 Payfect 支付 20.50 USDT，全程留在本商店。')
    expect(within(dialog).getByRole('button', { name: '在新視窗開啟' })).toBeVisible()
    expect(within(dialog).getByTitle('Payfect 結帳')).toBeVisible()
    expect(within(dialog).getByRole('button', { name: '關閉結帳' })).toBeVisible()
  })

  it('warns (in development) when a non-English locale gets no strings, and names the import', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    renderWithPayfect(<CheckoutButton items={items} />, { provider: { locale: 'zh-TW' } })
    expect(screen.getByRole('button', { name: 'Pay with crypto' })).toBeVisible()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("import { zhTW } from '@payfect/react/locales/zh-TW'"))
    warn.mockRestore()
  })

  it('takes English overrides for any key', () => {
    renderWithPayfect(<CheckoutButton items={items} />, { provider: { messages: { payWithCrypto: 'Pay with USDT' } } })
    expect(screen.getByRole('button', { name: 'Pay with USDT' })).toBeVisible()
  })
})

describe('CheckoutButton in StrictMode', () => {
  it('creates one checkout and succeeds once despite doubled effects', async () => {
    const endpoint = fakeEndpoint()
    const onSuccess = outcome()
    const user = userEvent.setup()
    renderWithPayfect(
      <StrictMode>
        <CheckoutButton items={items} onSuccess={onSuccess} />
      </StrictMode>,
      { endpoint },
    )
    await user.click(screen.getByRole('button'))
    const dialog = await screen.findByRole('dialog')
    const frame = within(dialog).getByTitle('Payfect checkout') as HTMLIFrameElement
    await flushEffects()
    act(() => postFrom(frame.contentWindow, checkoutOrigin, hostedMessage('complete', 'co_1')))
    endpoint.setStatus('co_1', 'complete')
    await waitFor(() => expect(screen.getByRole('button')).toHaveAttribute('data-status', 'complete'))
    await flushEffects()
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(endpoint.posts()).toHaveLength(1)
  })
})
