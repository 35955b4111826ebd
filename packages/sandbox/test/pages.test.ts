import { within, waitFor } from '@testing-library/dom'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderCheckoutPage, type CheckoutPageView } from '../src/pages/checkout-page'
import { depositAddressFor } from '../src/tron-address'
import { loadPage, makeCheckout, NOW, type LoadedPage, type LoadOptions } from './pages-fixtures'
import type { Checkout } from '../src/api-types'

const ID = 'ed8d24aa-a860-426b-8e56-87cb9f55a081'
const CONTROL = `/_sandbox/checkouts/${ID}`
const ADDRESS = depositAddressFor(ID)
/** What a framed page posts first, once its DOM is parsed. */
const READY = { kind: 'message', data: { source: 'payfect', type: 'checkout.ready', id: ID }, targetOrigin: '*' } as const
const pages: LoadedPage[] = []
afterEach(() => {
  for (const page of pages.splice(0)) page.close()
})

function view(overrides: Partial<Checkout> = {}, nowMs = NOW): CheckoutPageView {
  return { checkout: makeCheckout(overrides), depositAddress: ADDRESS, nowMs, controlBase: CONTROL }
}

async function open(overrides: Partial<Checkout> = {}, options: LoadOptions = {}, nowMs = NOW) {
  const page = loadPage(await renderCheckoutPage(view(overrides, nowMs)), options)
  pages.push(page)
  const screen = within(page.document.body)
  const user = userEvent.setup({ document: page.document })
  // user-event installs a clipboard stub of its own; the page must meet the clipboard the test chose (or none).
  Reflect.deleteProperty(page.window.navigator, 'clipboard')
  if (options.clipboard) Object.defineProperty(page.window.navigator, 'clipboard', { configurable: true, value: options.clipboard })
  return { ...page, screen, user }
}

/** Answers the control endpoints as the sandbox server does: `{ checkout }` with the new status. */
function sandbox(overrides: Partial<Checkout> = {}) {
  let status: Checkout['status'] = overrides.status ?? 'open'
  return (call: { method: string; url: string }) => {
    if (call.method === 'POST' && call.url === `${CONTROL}/pay`) status = 'complete'
    else if (call.method === 'POST' && call.url === `${CONTROL}/expire`) status = 'expired'
    else if (call.method === 'POST' && call.url === `${CONTROL}/cancel`) status = 'expired'
    else if (!(call.method === 'GET' && call.url === CONTROL)) return { status: 404, body: { detail: 'Not found.' } }
    return { body: { checkout: makeCheckout({ ...overrides, status }) } }
  }
}

// jsdom computes styles for every role query; on a busy 2-core CI that takes seconds, not a hang.
describe('the hosted checkout page', { timeout: 30_000 }, () => {
  it('shows what a shopper needs to pay, each part reachable by role and name', async () => {
    const { screen, document } = await open()
    expect(screen.getByRole('heading', { level: 1, name: 'Northwind Coffee' })).toBeTruthy()
    const items = within(screen.getByRole('list', { name: 'Order summary' })).getAllByRole('listitem')
    expect(items).toHaveLength(2)
    expect(items[0]!.textContent).toContain('Yirgacheffe beans, 1 kg')
    expect(items[0]!.textContent).toContain('Light roast, jasmine and bergamot')
    expect(items[0]!.textContent).toMatch(/Qty 2\s*×\s*24\.50 USDT/)
    expect(items[0]!.textContent).toContain('49.00 USDT')
    expect(items[1]!.textContent).toContain('1,018.00 USDT')
    expect(document.getElementById('pf-total')!.textContent).toBe('1,067.00')
    expect(screen.getByText('USDT · Tron (TRC20)')).toBeTruthy()

    const address = screen.getByRole('group', { name: /Deposit address/ })
    expect(address.querySelector('code')!.textContent).toBe(ADDRESS)
    expect(address.querySelectorAll('code > span').length).toBe(Math.ceil(ADDRESS.length / 4))
    const amount = screen.getByRole('group', { name: /Amount to send/ })
    expect(amount.textContent).toContain('1067.00 USDT')

    const qr = screen.getByRole('img', { name: `QR code of the deposit address ${ADDRESS}` })
    expect(qr.tagName.toLowerCase()).toBe('svg')
    expect(screen.getByRole('button', { name: 'Copy address' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Copy amount' })).toBeTruthy()
    expect(screen.getByRole('timer', { name: /Expires in/ }).textContent).toBe('25:00')
    expect(screen.getByRole('button', { name: 'Simulate payment' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy()
    expect(screen.getByRole('banner').textContent).toMatch(/Sandbox.*no real funds/i)
    expect(screen.getByRole('main')).toBeTruthy()
    expect(screen.getByRole('contentinfo').textContent).toContain('Payfect')
  })

  it('is a self-contained document: lang, title, viewport, no external resources', async () => {
    const html = await renderCheckoutPage(view())
    const { document } = loadPage(html)
    expect(document.documentElement.lang).toBe('en')
    expect(document.title).toBe('Pay 1,067.00 USDT to Northwind Coffee · Payfect Sandbox')
    expect(document.querySelector('meta[name="viewport"]')!.getAttribute('content')).toContain('width=device-width')
    expect(document.querySelectorAll('link, img, iframe, script[src]').length).toBe(0)
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/)
    expect(document.querySelectorAll('style').length).toBe(1)
    expect(document.querySelector('style')!.textContent).toContain('prefers-color-scheme: dark')
    expect(document.querySelector('style')!.textContent).toContain('prefers-reduced-motion')
  })

  it('renders hostile names as text and embeds its data safely', async () => {
    const evil = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
    const merchant = `</script><script>window.pwned = 3</script>\u2028<!--`
    const checkout = makeCheckout({ merchant: { id: 'm', name: merchant } })
    checkout.invoiceItems[0]!.priceData.productData.name = evil
    checkout.invoiceItems[0]!.priceData.productData.description = '" onmouseover="window.pwned = 4'
    const { screen, window, document } = await open(checkout)
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined()
    expect(screen.getByText(evil)).toBeTruthy()
    expect(document.querySelectorAll('script').length).toBe(2)
    expect(document.querySelectorAll('img, [onerror], [onmouseover]').length).toBe(0)
    const data = JSON.parse(document.getElementById('pf-data')!.textContent!)
    expect(data.merchant).toBe(merchant)
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(merchant)
  })

  it('reads expiresAt as Unix milliseconds or as ISO-8601', async () => {
    const iso = await open({ expiresAt: new Date(NOW + 10 * 60_000 + 5_000).toISOString() })
    expect(iso.screen.getByRole('timer').textContent).toBe('10:05')
    const hours = await open({ expiresAt: String(NOW + 2 * 3_600_000) })
    expect(hours.screen.getByRole('timer').textContent).toBe('2:00:00')
  })

  it('shows a complete checkout as paid, with no way to pay again', async () => {
    const { screen, document } = await open({ status: 'complete' })
    expect(screen.getByRole('heading', { name: 'Payment received' })).toBeTruthy()
    expect(screen.getByText(/1067\.00 USDT/, { selector: 'strong' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Simulate payment' })).toBeNull()
    expect(screen.queryByRole('timer')).toBeNull()
    expect(document.getElementById('pf-checkout')!.dataset.status).toBe('complete')
  })

  it('shows an expired checkout as expired', async () => {
    const { screen } = await open({ status: 'expired' })
    expect(screen.getByRole('heading', { name: 'This checkout has expired' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull()
    expect(screen.queryByRole('img', { name: /QR code/ })).toBeNull()
  })
})

describe('the page in action', { timeout: 30_000 }, () => {
  it('Simulate payment POSTs to the pay endpoint, then shows the paid state when there is no successUrl', async () => {
    const { screen, user, calls, events, document } = await open({}, { respond: sandbox() })
    await user.click(screen.getByRole('button', { name: 'Simulate payment' }))
    const heading = await screen.findByRole('heading', { name: 'Payment received' })
    expect(calls.filter((c) => c.method === 'POST')).toEqual([{ method: 'POST', url: `${CONTROL}/pay` }])
    expect(document.activeElement).toBe(heading)
    expect(document.getElementById('pf-live')!.textContent).toBe('Payment received.')
    expect(within(heading.parentElement!).getByText('You can close this window.')).toBeTruthy()
    expect(events).toEqual([])
  })

  it('navigates to the successUrl after paying', async () => {
    const successUrl = 'https://shop.example/thanks?order=1042'
    const { screen, user, events } = await open({ successUrl }, { respond: sandbox({ successUrl }) })
    await user.click(screen.getByRole('button', { name: 'Simulate payment' }))
    await waitFor(() => expect(events).toEqual([{ kind: 'navigation' }]), { container: screen.getByRole('main') })
    expect(screen.getByText('Taking you back to Northwind Coffee…')).toBeTruthy()
  })

  it('in a frame, posts checkout.ready once its DOM is parsed; on its own, posts nothing', async () => {
    const framed = await open({}, { framed: true })
    expect(framed.events).toEqual([READY])
    expect((await open()).events).toEqual([])
  })

  it('in a frame, posts checkout.complete to the parent before navigating', async () => {
    const successUrl = 'https://shop.example/thanks'
    const { screen, user, events } = await open({ successUrl }, { respond: sandbox({ successUrl }), framed: true })
    await user.click(screen.getByRole('button', { name: 'Simulate payment' }))
    await waitFor(() => expect(events).toHaveLength(3), { container: screen.getByRole('main') })
    expect(events).toEqual([
      READY,
      { kind: 'message', data: { source: 'payfect', type: 'checkout.complete', id: ID }, targetOrigin: '*' },
      { kind: 'navigation' },
    ])
  })

  it('Cancel POSTs to the cancel endpoint and shows the cancelled state, or goes to the cancelUrl', async () => {
    const plain = await open({}, { respond: sandbox(), framed: true })
    await plain.user.click(plain.screen.getByRole('button', { name: 'Cancel' }))
    expect(await plain.screen.findByRole('heading', { name: 'Checkout cancelled' })).toBeTruthy()
    expect(plain.calls.filter((c) => c.method === 'POST')).toEqual([{ method: 'POST', url: `${CONTROL}/cancel` }])
    expect(plain.events).toEqual([READY, { kind: 'message', data: { source: 'payfect', type: 'checkout.cancel', id: ID }, targetOrigin: '*' }])

    const cancelUrl = 'https://shop.example/cart'
    const back = await open({ cancelUrl }, { respond: sandbox({ cancelUrl }) })
    await back.user.click(back.screen.getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(back.events).toEqual([{ kind: 'navigation' }]), { container: back.screen.getByRole('main') })
  })

  it('expires when the countdown reaches zero: POSTs expire and tells the parent', async () => {
    const { screen, calls, events } = await open({ expiresAt: String(NOW - 1_000) }, { respond: sandbox(), framed: true })
    expect(await screen.findByRole('heading', { name: 'This checkout has expired' })).toBeTruthy()
    expect(calls.filter((c) => c.method === 'POST')).toEqual([{ method: 'POST', url: `${CONTROL}/expire` }])
    expect(events).toEqual([READY, { kind: 'message', data: { source: 'payfect', type: 'checkout.expired', id: ID }, targetOrigin: '*' }])
  })

  it('discovers a payment made elsewhere when it polls, and tells the parent', async () => {
    const respond = sandbox()
    const { screen, window, calls, events } = await open({}, { respond, framed: true })
    respond({ method: 'POST', url: `${CONTROL}/pay` }) // paid from the dashboard or a test
    window.dispatchEvent(new window.Event('focus'))
    expect(await screen.findByRole('heading', { name: 'Payment received' })).toBeTruthy()
    expect(calls).toContainEqual({ method: 'GET', url: CONTROL })
    expect(events).toEqual([READY, { kind: 'message', data: { source: 'payfect', type: 'checkout.complete', id: ID }, targetOrigin: '*' }])
  })

  it('tells its parent at once when opened on a checkout that is already over', async () => {
    const { events } = await open({ status: 'complete', successUrl: 'https://shop.example/thanks' }, { framed: true })
    expect(events).toEqual([READY, { kind: 'message', data: { source: 'payfect', type: 'checkout.complete', id: ID }, targetOrigin: '*' }])
  })

  it('shows the sandbox error when a control fails, and lets the shopper try again', async () => {
    const respond = vi.fn<() => { status: number; body: unknown }>(() => ({ status: 409, body: { detail: 'This checkout is expired and cannot be paid.' } }))
    const { screen, user } = await open({}, { respond })
    await user.click(screen.getByRole('button', { name: 'Simulate payment' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe('This checkout is expired and cannot be paid. Try again.')
    expect((screen.getByRole('button', { name: 'Simulate payment' }) as HTMLButtonElement).disabled).toBe(false)
  })

  it('says so when the sandbox cannot be reached', async () => {
    const { screen, user } = await open({}, { respond: () => 'network-error' })
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Could not reach the sandbox. Is it still running? Try again.')
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy()
  })

  it('copies the address and the amount with the Clipboard API, and says so', async () => {
    const writeText = vi.fn<(text: string) => Promise<void>>(async () => {})
    const { screen, user, document } = await open({}, { clipboard: { writeText } })
    await user.click(screen.getByRole('button', { name: 'Copy address' }))
    expect(writeText).toHaveBeenLastCalledWith(ADDRESS)
    await waitFor(() => expect(document.getElementById('pf-live')!.textContent).toBe('Address copied'), { container: document.body })
    expect(screen.getByRole('button', { name: 'Copy address' }).textContent).toBe('Copied')
    await user.click(screen.getByRole('button', { name: 'Copy amount' }))
    expect(writeText).toHaveBeenLastCalledWith('1067.00')
    await waitFor(() => expect(document.getElementById('pf-live')!.textContent).toBe('Amount copied'), { container: document.body })
  })

  it('without a clipboard, selects the address and tells the shopper how to copy it', async () => {
    const { screen, user, window, document } = await open()
    await user.click(screen.getByRole('button', { name: 'Copy address' }))
    await waitFor(() => expect(document.getElementById('pf-live')!.textContent).toMatch(/Address selected: press Control C/), { container: document.body })
    expect(window.getSelection()!.toString()).toBe(ADDRESS)
  })
})
