import { waitFor, within } from '@testing-library/dom'
import userEvent from '@testing-library/user-event'
import type { Checkout } from '../src/api-types'
import { afterEach, describe, expect, it } from 'vitest'
import type { Delivery } from '../src/delivery'
import { renderDashboard, type DashboardView } from '../src/pages/dashboard-page'
import { renderNotFoundPage } from '../src/pages/not-found-page'
import { loadPage, makeCheckout, NOW, type LoadedPage } from './pages-fixtures'

const PAID = 'aaaaaaaa-0000-4000-8000-000000000001'
const OPEN = 'bbbbbbbb-0000-4000-8000-000000000002'
const HOOK = 'http://127.0.0.1:3000/api/payfect/webhook'
const deliveries: Delivery[] = [
  { id: 'd1', checkoutId: PAID, attempt: 1, kind: 'callback', url: HOOK, at: NOW - 60_000, body: '{}', signature: 'gAAAA', status: 401, responseBody: '{"error":"signature refused: is PAYFECT_WEBHOOK_SECRET stale?"}', error: 'The receiver answered 401; only a 2xx counts as delivered.', ok: false },
  { id: 'd2', checkoutId: PAID, attempt: 2, kind: 'retry', url: HOOK, at: NOW - 59_000, body: '{}', signature: 'gAAAA', status: null, error: 'connect ECONNREFUSED 127.0.0.1:3000', ok: false },
  { id: 'd3', checkoutId: PAID, attempt: 3, kind: 'retry', url: HOOK, at: NOW - 54_000, body: '{}', signature: 'gAAAA', status: 200, ok: true },
]

function state(openStatus: Checkout['status'] = 'open'): DashboardView {
  return {
    apiBase: 'http://127.0.0.1:4010/api/v1',
    nowMs: NOW,
    checkouts: [
      { checkout: makeCheckout({ id: PAID, status: 'complete', createdAt: String((NOW - 120_000) / 1000) }), deliveries },
      { checkout: makeCheckout({ id: OPEN, status: openStatus, clientReferenceId: '<b>order "7"</b>', createdAt: String((NOW - 60_000) / 1000) }), deliveries: [] },
    ],
  }
}

const pages: LoadedPage[] = []
afterEach(() => {
  for (const page of pages.splice(0)) page.close()
})

describe('the /_sandbox dashboard', { timeout: 30_000 }, () => {
  it('lists checkouts newest first with status, amounts, times and each callback delivery', () => {
    const page = loadPage(renderDashboard(state()))
    pages.push(page)
    const screen = within(page.document.body)
    expect(screen.getByRole('heading', { level: 1, name: 'Payfect Sandbox' })).toBeTruthy()
    const table = screen.getByRole('table', { name: /^Checkouts, newest first/ }) as HTMLTableElement
    const headers = Array.from(table.tHead!.rows[0]!.cells).map((c) => c.textContent)
    expect(headers).toEqual(['Checkout', 'Merchant ref', 'Amount', 'Status', 'Created', 'Expires', 'Actions'])
    const rows = Array.from(table.querySelectorAll<HTMLTableRowElement>('tr[data-checkout-id]'))
    expect(rows.map((r) => r.dataset.checkoutId)).toEqual([OPEN, PAID])
    const open = within(rows[0]!)
    expect(open.getByText('<b>order "7"</b>')).toBeTruthy()
    expect(open.getByText('1,067.00 USDT')).toBeTruthy()
    expect(open.getByText('open')).toBeTruthy()
    expect(open.getByText('2026-11-26 21:59:00 UTC')).toBeTruthy()
    expect(open.getByText('in 25 min')).toBeTruthy()
    expect((open.getByRole('button', { name: `Pay checkout ${OPEN}` }) as HTMLButtonElement).disabled).toBe(false)
    expect((open.getByRole('button', { name: `Resend callback for checkout ${OPEN}` }) as HTMLButtonElement).disabled).toBe(true)
    expect(open.getByRole('link', { name: `Open checkout ${OPEN}` }).getAttribute('href')).toBe(`http://127.0.0.1:4010/checkouts/${OPEN}`)

    const paid = within(rows[1]!)
    expect(paid.getByText('complete')).toBeTruthy()
    expect((paid.getByRole('button', { name: `Pay checkout ${PAID}` }) as HTMLButtonElement).disabled).toBe(true)
    expect((paid.getByRole('button', { name: `Expire checkout ${PAID}` }) as HTMLButtonElement).disabled).toBe(true)
    expect((paid.getByRole('button', { name: `Resend callback for checkout ${PAID}` }) as HTMLButtonElement).disabled).toBe(false)

    const attempts = within(screen.getByRole('table', { name: `Callback deliveries for checkout ${PAID}` })).getAllByRole('row').slice(1)
    expect(attempts.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent!.trim()).slice(0, 3).concat((r as HTMLTableRowElement).cells[4]!.textContent!.trim()))).toEqual([
      ['#1', 'callback', HOOK, '2026-11-26 21:59:00 UTC'],
      ['#2', 'retry', HOOK, '2026-11-26 21:59:01 UTC'],
      ['#3', 'retry', HOOK, '2026-11-26 21:59:06 UTC'],
    ])
    // A refused delivery shows the receiver's own words, so a stale secret is plain to see.
    const refused = within(attempts[0]!)
    expect(refused.getByText('401')).toBeTruthy()
    expect(refused.getByText('Receiver’s answer')).toBeTruthy()
    expect(refused.getByText('{"error":"signature refused: is PAYFECT_WEBHOOK_SECRET stale?"}').tagName).toBe('PRE')
    expect(within(attempts[1]!).getByText('connect ECONNREFUSED 127.0.0.1:3000')).toBeTruthy()
    expect(within(attempts[2]!).getByRole('button', { name: 'Replay delivery d3' })).toBeTruthy()
    expect(screen.getAllByText('No callback deliveries yet.')).toHaveLength(1)
  })

  it('shows the API base with a copyable client snippet, and no key or secret', async () => {
    const page = loadPage(renderDashboard(state()))
    pages.push(page)
    const screen = within(page.document.body)
    expect(page.document.getElementById('pf-api-base')!.textContent).toBe('http://127.0.0.1:4010/api/v1')
    const snippet = screen.getByLabelText('Client setup snippet').textContent!
    expect(snippet).toContain("baseUrl: 'http://127.0.0.1:4010/api/v1'")
    expect(snippet).toContain('apiKey: process.env.PAYFECT_API_KEY')
    const copied: string[] = []
    const user = userEvent.setup({ document: page.document })
    Object.defineProperty(page.window.navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void copied.push(t) } })
    await user.click(screen.getByRole('button', { name: 'Copy snippet' }))
    await user.click(screen.getByRole('button', { name: 'Copy API base' }))
    expect(copied).toEqual([snippet, 'http://127.0.0.1:4010/api/v1'])
  })

  it('Pay POSTs to the control endpoint, then refreshes the table in place, keeping focus', async () => {
    let current = state()
    const page = loadPage(renderDashboard(current), {
      respond: (call) => {
        if (call.method === 'POST' && call.url === `/_sandbox/checkouts/${OPEN}/pay`) {
          current = state('complete')
          return { body: { checkout: current.checkouts[1]!.checkout } }
        }
        if (call.method === 'GET' && call.url === page.window.location.href) return { body: renderDashboard(current) }
        return { status: 404, body: { detail: 'Not found.' } }
      },
    })
    pages.push(page)
    const screen = within(page.document.body)
    const user = userEvent.setup({ document: page.document })
    await user.click(screen.getByRole('button', { name: `Pay checkout ${OPEN}` }))
    const row = () => page.document.querySelector<HTMLElement>(`tr[data-checkout-id="${OPEN}"]`)!
    await waitFor(() => expect(row().dataset.status).toBe('complete'), { container: page.document.body })
    expect(page.calls.map((c) => `${c.method} ${c.url}`)).toEqual([`POST /_sandbox/checkouts/${OPEN}/pay`, `GET ${page.window.location.href}`])
    expect(within(row()).getByText('complete')).toBeTruthy()
    // Pay is disabled on a paid checkout, so focus moves to the row's next action rather than to <body>.
    expect(page.document.activeElement!.id).toBe(`pf-resend-${OPEN}`)
    expect(screen.getByRole('status').textContent).toBe(`Paid checkout ${OPEN}.`)
  })

  it('rehearses failure: Pay with a chosen callback, Deliver a held one, Replay a past delivery', async () => {
    let current: DashboardView = { ...state(), pending: [] }
    const page = loadPage(renderDashboard(current), {
      respond: (call) => {
        if (call.method === 'POST' && call.url === `/_sandbox/checkouts/${OPEN}/pay?callback=hold`) {
          current = { ...state('complete'), pending: [{ checkoutId: OPEN, kind: 'held' }] }
          return { body: { checkout: current.checkouts[1]!.checkout } }
        }
        if (call.method === 'POST' && call.url === `/_sandbox/checkouts/${OPEN}/deliver`) {
          current = { ...state('complete'), pending: [] }
          return { body: { checkout: current.checkouts[1]!.checkout, delivery: deliveries[2] } }
        }
        if (call.method === 'POST' && call.url === '/_sandbox/deliveries/d1/replay') return { body: { delivery: deliveries[0] } }
        if (call.method === 'GET' && call.url === page.window.location.href) return { body: renderDashboard(current) }
        return { status: 404, body: { detail: 'Not found.' } }
      },
    })
    pages.push(page)
    const screen = within(page.document.body)
    const user = userEvent.setup({ document: page.document })
    const deliver = () => screen.getByRole('button', { name: `Deliver held callback for checkout ${OPEN}` }) as HTMLButtonElement
    expect(deliver().disabled).toBe(true)
    await user.selectOptions(screen.getByRole('combobox', { name: `Callback for checkout ${OPEN}` }), 'Hold until Deliver')
    await user.click(screen.getByRole('button', { name: `Pay checkout ${OPEN}` }))
    await waitFor(() => expect(deliver().disabled).toBe(false), { container: page.document.body })
    // The choice survives the table's refresh.
    expect((screen.getByRole('combobox', { name: `Callback for checkout ${OPEN}` }) as HTMLSelectElement).value).toBe('hold')
    expect(screen.getByText('Callback held: Deliver sends it.')).toBeTruthy()
    await user.click(deliver())
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`Delivered the held callback for checkout ${OPEN}.`), { container: page.document.body })
    await user.click(screen.getByRole('button', { name: 'Replay delivery d1' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Replayed delivery d1.'), { container: page.document.body })
    expect(page.calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([
      `/_sandbox/checkouts/${OPEN}/pay?callback=hold`,
      `/_sandbox/checkouts/${OPEN}/deliver`,
      '/_sandbox/deliveries/d1/replay',
    ])
  })

  it('switches the hosted page’s framing from its settings menu', async () => {
    const page = loadPage(renderDashboard({ ...state(), framing: 'allow' }), {
      respond: (call) => (call.method === 'POST' && call.url === '/_sandbox/settings?framing=deny' ? { body: { settings: { framing: 'deny' } } } : { status: 404, body: { detail: 'Not found.' } }),
    })
    pages.push(page)
    const screen = within(page.document.body)
    const menu = screen.getByRole('combobox', { name: 'Framing' }) as HTMLSelectElement
    expect(menu.value).toBe('allow')
    await userEvent.setup({ document: page.document }).selectOptions(menu, 'Refuse every frame (X-Frame-Options: DENY)')
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('The hosted page now refuses to be framed by a shop.'), { container: page.document.body })
    expect(page.calls.map((c) => `${c.method} ${c.url}`)).toContain('POST /_sandbox/settings?framing=deny')
  })

  it('switches what a fiat checkout’s callback reports from its menu', async () => {
    const page = loadPage(renderDashboard({ ...state(), callbackAmount: 'fiat', rates: { TWD: '32.5', CNY: '7.2' } }), {
      respond: (call) =>
        call.method === 'POST' && call.url === '/_sandbox/settings?callbackAmount=usdt' ? { body: { settings: { framing: 'allow', callbackAmount: 'usdt' } } } : { status: 404, body: { detail: 'Not found.' } },
    })
    pages.push(page)
    const screen = within(page.document.body)
    const menu = screen.getByRole('combobox', { name: 'Callback amount' }) as HTMLSelectElement
    expect(menu.value).toBe('fiat')
    await userEvent.setup({ document: page.document }).selectOptions(menu, 'The USDT paid, with currency "usdt"')
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Fiat callbacks now report the USDT paid.'), { container: page.document.body })
    expect(page.calls.map((c) => `${c.method} ${c.url}`)).toContain('POST /_sandbox/settings?callbackAmount=usdt')
  })

  it('says what a failed control answered', async () => {
    const page = loadPage(renderDashboard(state()), { respond: () => ({ status: 409, body: { detail: 'Checkout is not open.' } }) })
    pages.push(page)
    const screen = within(page.document.body)
    await userEvent.setup({ document: page.document }).click(screen.getByRole('button', { name: `Expire checkout ${OPEN}` }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Checkout is not open.'), { container: page.document.body })
  })

  it('has an empty state that says how to make a checkout', () => {
    const page = loadPage(renderDashboard({ apiBase: 'http://127.0.0.1:4010/api/v1', nowMs: NOW, checkouts: [] }))
    pages.push(page)
    expect(within(page.document.body).getByText(/No checkouts yet/).textContent).toContain('POST /api/v1/checkouts/')
    expect(page.document.title).toBe('Payfect Sandbox · 0 checkouts')
  })
})

describe('the not-found page', () => {
  it('names the unknown id as text and says what to do', () => {
    const page = loadPage(renderNotFoundPage('<img src=x onerror=alert(1)>'))
    pages.push(page)
    const screen = within(page.document.body)
    expect(screen.getByRole('heading', { level: 1, name: 'Checkout not found' })).toBeTruthy()
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy()
    expect(page.document.querySelector('img')).toBeNull()
    expect(page.document.documentElement.lang).toBe('en')
  })
})
