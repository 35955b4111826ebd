import { waitFor, within } from '@testing-library/dom'
import userEvent from '@testing-library/user-event'
import type { Checkout } from '../src/api-types'
import { afterEach, describe, expect, it } from 'vitest'
import { renderDashboard, type DashboardView, type Delivery } from '../src/pages/dashboard-page'
import { renderNotFoundPage } from '../src/pages/not-found-page'
import { loadPage, makeCheckout, NOW, type LoadedPage } from './pages-fixtures'

const PAID = 'aaaaaaaa-0000-4000-8000-000000000001'
const OPEN = 'bbbbbbbb-0000-4000-8000-000000000002'
const HOOK = 'http://127.0.0.1:3000/api/payfect/webhook'
const deliveries: Delivery[] = [
  { id: 'd1', checkoutId: PAID, attempt: 1, url: HOOK, at: NOW - 60_000, status: 500, ok: false },
  { id: 'd2', checkoutId: PAID, attempt: 2, url: HOOK, at: NOW - 59_000, status: null, error: 'connect ECONNREFUSED 127.0.0.1:3000', ok: false },
  { id: 'd3', checkoutId: PAID, attempt: 3, url: HOOK, at: NOW - 54_000, status: 200, ok: true },
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
    expect(attempts.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent!.trim()))).toEqual([
      ['#1', HOOK, '500', '2026-11-26 21:59:00 UTC'],
      ['#2', HOOK, 'no responseconnect ECONNREFUSED 127.0.0.1:3000', '2026-11-26 21:59:01 UTC'],
      ['#3', HOOK, '200', '2026-11-26 21:59:06 UTC'],
    ])
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
