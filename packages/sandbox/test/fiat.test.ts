import { readFileSync } from 'node:fs'
import { JSDOM } from 'jsdom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCli } from '../src/cli-args'
import { divideDecimalUp, formatDecimal } from '../src/decimal'
import { startSandbox, type Sandbox } from '../src/index'
import { call, startReceiver } from './support'

// Payfect's docs' create example (curl and Python tabs), as the contract fixture holds it.
const contract = JSON.parse(readFileSync(new URL('./contract/payfect-contract.json', import.meta.url), 'utf8')) as { requests: Array<{ name: string; body: Record<string, unknown> }> }
const docsFiatRequest = contract.requests.find((r) => r.name.startsWith('create.md curl and Python tabs'))!.body

const item = (currency: string, unitAmount = '8800', quantity = 1) => ({ price_data: { currency, unit_amount: unitAmount, product_data: { name: 'Golden Rain Tree room' } }, quantity })

let sb: Sandbox
beforeAll(async () => {
  sb = await startSandbox({ port: 0, callbackRetryDelaysMs: [] })
})
afterAll(() => sb.close())

const api = (method: string, path: string, body?: unknown) => call(sb, method, `/api/v1${path}`, body === undefined ? {} : { body })
const stateOf = (id: string) => sb.state().checkouts.find((c) => c.checkout.id === id)!

describe('fiat currencies', () => {
  it('accepts the docs’ create request as written (CNY checkout, TWD item) and returns a url', async () => {
    const res = await api('POST', '/checkouts/', docsFiatRequest)
    expect(res.status, res.text).toBe(200)
    expect(res.body.url).toBe(`${sb.url}/checkouts/${res.body.id}`)
    // Totalled in the items' currency: the docs give no CNY/TWD conversion.
    expect(res.body).toMatchObject({ currency: 'TWD', amountTotal: '20.00', status: 'open' })
    expect(res.body.invoiceItems[0].priceData).toMatchObject({ currency: 'TWD', unitAmount: '20.00' })
    expect(stateOf(res.body.id)).toMatchObject({ requestedCurrency: 'CNY', quote: { amount: '20.00', currency: 'TWD', rate: '32.5', usdt: '0.62' } })
  })

  it('takes TWD and CNY in either letter case on checkouts, inline prices and prices, keeping the spelling', async () => {
    for (const currency of ['TWD', 'twd', 'CNY', 'cny', 'usdt']) {
      const res = await api('POST', '/checkouts/', { currency, invoice_items: [item(currency)] })
      expect(res.status, `${currency}: ${res.text}`).toBe(200)
      expect([res.body.currency, res.body.invoiceItems[0].priceData.currency]).toEqual([currency, currency])
    }
    const product = await api('POST', '/products/', { name: 'Room' })
    for (const currency of ['twd', 'TWD', 'cny', 'CNY']) {
      const price = await api('POST', '/prices/', { product: product.body.id, currency, unit_amount: '88' })
      expect([price.status, price.body.currency, price.body.unitAmount]).toEqual([200, currency, '88.00'])
    }
  })

  it('still refuses every other code as DRF’s ChoiceField words it', async () => {
    for (const currency of ['xyz', 'eur', 'USDT', 'Twd']) {
      const checkout = await api('POST', '/checkouts/', { currency, invoice_items: [item('twd')] })
      expect(checkout.body).toEqual({ currency: [`"${currency}" is not a valid choice.`] })
      const inline = await api('POST', '/checkouts/', { currency: 'twd', invoice_items: [item(currency)] })
      expect(inline.body).toEqual({ invoice_items: [{ price_data: { currency: [`"${currency}" is not a valid choice.`] } }] })
      const price = await api('POST', '/prices/', { product: 'x', currency, unit_amount: '1' })
      expect(price.body.currency).toEqual([`"${currency}" is not a valid choice.`])
    }
    const detail = await api('POST', '/checkouts/', { ...docsFiatRequest, payment_method_data: { type: 'cryptopaymentmethoddetail', paymentMethodDetail: { currency: 'xyz', network: 'tron' } } })
    expect(detail.body).toEqual({ payment_method_data: { paymentMethodDetail: { currency: ['"xyz" is not a valid choice.'] } } })
  })

  it('refuses items in different currencies in one checkout, but not one currency spelled two ways', async () => {
    const mixed = await api('POST', '/checkouts/', { currency: 'twd', invoice_items: [item('twd'), item('usdt', '1')] })
    expect([mixed.status, mixed.body]).toEqual([400, { invoice_items: { non_field_errors: ['All invoice items must be priced in one currency; got twd, usdt.'] } }])
    const spelled = await api('POST', '/checkouts/', { currency: 'TWD', invoice_items: [item('twd', '1'), item('TWD', '2')] })
    expect([spelled.status, spelled.body.currency, spelled.body.amountTotal]).toEqual([200, 'TWD', '3.00'])
  })
})

describe('the USDT quote', () => {
  it('divides exactly and rounds up to the cent, never through a float', () => {
    expect(formatDecimal(divideDecimalUp('8800.00', '32.5', 2))).toBe('270.77') // 270.769…
    expect(formatDecimal(divideDecimalUp('65.00', '32.5', 2))).toBe('2.00') // exact: no rounding
    expect(formatDecimal(divideDecimalUp('0.01', '32.5', 2))).toBe('0.01') // never quoted as nothing
    expect(formatDecimal(divideDecimalUp('99999999.99', '7.2', 2))).toBe('13888888.89') // 13888888.8875
    expect(formatDecimal(divideDecimalUp('123456789012345678901234567890.00', '3', 2))).toBe('41152263004115226300411522630.00')
  })

  it('uses the rates given to startSandbox, fixed when the checkout is made', async () => {
    const own = await startSandbox({ port: 0, rates: { twd: '30', CNY: '7.25' } })
    try {
      expect(own.state().rates).toEqual({ TWD: '30', CNY: '7.25' })
      const res = await call(own, 'POST', '/api/v1/checkouts/', { body: { currency: 'CNY', invoice_items: [item('CNY', '88', 2)] } })
      expect(own.state().checkouts[0]!.quote).toEqual({ amount: '176.00', currency: 'CNY', rate: '7.25', usdt: '24.28' })
      expect(res.body.amountTotal).toBe('176.00')
    } finally {
      await own.close()
    }
    expect(sb.state().rates).toEqual({ TWD: '32.5', CNY: '7.2' })
  })

  it('refuses a rate that is not a positive decimal string, naming it', async () => {
    await expect(startSandbox({ rates: { TWD: 32.5 as unknown as string } })).rejects.toThrow(/rates\.TWD must be a decimal string like '32\.5', not the number/)
    await expect(startSandbox({ rates: { TWD: '0' } })).rejects.toThrow(/rates\.TWD must be a positive decimal string/)
    await expect(startSandbox({ rates: { TWD: '1e3' } })).rejects.toThrow(/rates\.TWD/)
    await expect(startSandbox({ rates: { EUR: '1' } as never })).rejects.toThrow(/"EUR" is not a fiat currency the sandbox takes; give rates for TWD or CNY/)
    await expect(startSandbox({ callbackAmount: 'twd' as never })).rejects.toThrow(/callbackAmount must be 'fiat' or 'usdt'/)
  })

  it('is shown on the hosted page beside the fiat amount due', async () => {
    const res = await api('POST', '/checkouts/', { currency: 'TWD', invoice_items: [item('TWD', '4400', 2)] })
    const page = await fetch(res.body.url)
    const { document } = new JSDOM(await page.text()).window
    expect(document.querySelector('.pf-due')?.textContent).toBe('Amount due 8,800.00 TWD')
    expect(document.getElementById('pf-amount')?.textContent).toBe('270.77 USDT')
    expect(document.getElementById('pf-copy-amount')?.getAttribute('data-copy')).toBe('270.77')
    expect(document.getElementById('pf-pay-title')?.textContent).toBe('Pay with USDT')
    expect(document.getElementById('pf-rate')?.textContent).toBe("8,800.00 TWD at 32.5 TWD per USDT, the sandbox's rate, rounded up to the cent.")
    expect(document.querySelector('[data-panel="complete"] .pf-state__text')?.textContent).toBe('8800.00 TWD (270.77 USDT) paid to Sandbox Merchant.')
  })
})

describe('the callback of a fiat checkout, under both readings of amount', () => {
  it('reports the fiat total by default, and the USDT paid once switched; a USDT checkout either way the same', async () => {
    const hook = await startReceiver(sb.webhookSecret)
    try {
      const pay = async (currency: string, unitAmount: string) => {
        const created = await api('POST', '/checkouts/', { currency, invoice_items: [item(currency, unitAmount)], callback_url: hook.url })
        await call(sb, 'POST', `/_sandbox/checkouts/${created.body.id}/pay`, { key: null })
        await hook.waitFor(hook.received.length + 1)
        const last = hook.received.at(-1)!
        expect(last.error).toBeUndefined()
        const { amount, currency: reported, payment_method } = JSON.parse(last.body) as { amount: string; currency: string; payment_method: { payment_method_detail: unknown } }
        return [amount, reported, payment_method.payment_method_detail]
      }
      expect(sb.state().settings.callbackAmount).toBe('fiat')
      expect(await pay('TWD', '8800')).toEqual(['8800.00', 'TWD', { network: 'tron', currency: 'TWD' }])
      expect(await pay('usdt', '20.5')).toEqual(['20.50', 'usdt', { network: 'tron', currency: 'usdt' }])

      const set = await call(sb, 'POST', '/_sandbox/settings?callbackAmount=usdt', { key: null })
      expect([set.status, set.body.settings.callbackAmount]).toEqual([200, 'usdt'])
      expect(await pay('TWD', '8800')).toEqual(['270.77', 'usdt', { network: 'tron', currency: 'usdt' }])
      expect(await pay('usdt', '20.5')).toEqual(['20.50', 'usdt', { network: 'tron', currency: 'usdt' }])

      const bad = await call(sb, 'POST', '/_sandbox/settings?callbackAmount=twd', { key: null })
      expect([bad.status, bad.body.detail]).toEqual([400, 'callbackAmount must be one of fiat, usdt; got "twd".'])
      const foreign = await call(sb, 'POST', '/_sandbox/settings?callbackAmount=fiat', { key: null, headers: { origin: 'https://evil.example' } })
      expect(foreign.status).toBe(403)
      expect(sb.state().settings.callbackAmount).toBe('usdt')
    } finally {
      await call(sb, 'POST', '/_sandbox/settings?callbackAmount=fiat', { key: null })
      await hook.close()
    }
  })

  it('is chosen at startup too', async () => {
    const own = await startSandbox({ port: 0, callbackAmount: 'usdt' })
    await own.close()
    expect(own.state().settings.callbackAmount).toBe('usdt')
  })
})

describe('the dashboard', () => {
  it('states the rates, the totalling assumption and each fiat checkout’s quote, with the callback switch', async () => {
    const created = await api('POST', '/checkouts/', docsFiatRequest)
    const res = await fetch(`${sb.url}/_sandbox`)
    const { document } = new JSDOM(await res.text()).window
    expect(document.getElementById('pf-rates')?.textContent).toMatch(/^Quoted in USDT at 32\.5 TWD, 7\.2 CNY per USDT .*is totalled in the items' currency: an assumption, Payfect documents no conversion\.$/s)
    const row = document.querySelector(`tr[data-checkout-id="${created.body.id}"]`)!
    expect(row.querySelector('[data-quote]')?.textContent).toBe('0.62 USDT at 32.5')
    expect(row.querySelector('[data-requested-currency]')?.textContent).toBe("asked CNY, totalled in the items' TWD")
    const menu = document.getElementById('pf-callback-amount') as HTMLSelectElement
    expect(document.querySelector('label[for="pf-callback-amount"]')?.textContent).toBe('Callback amount')
    expect([...menu.options].map((o) => [o.value, o.selected])).toEqual([['fiat', true], ['usdt', false]])
  })
})

describe('the CLI', () => {
  it('takes --rate per currency and --callback-amount', () => {
    expect(parseCli(['--rate', 'TWD=31.8', '--rate', 'cny=7.1', '--callback-amount', 'usdt'], {}, '/shop')).toMatchObject({
      kind: 'start',
      options: { rates: { TWD: '31.8', CNY: '7.1' }, callbackAmount: 'usdt' },
    })
  })

  it('refuses a bad rate or reading with the reason', () => {
    expect(parseCli(['--rate', 'TWD'], {}, '/shop')).toEqual({ kind: 'error', message: '--rate takes CODE=rate, like --rate TWD=32.5; got "TWD".' })
    expect(parseCli(['--rate', 'EUR=1'], {}, '/shop')).toMatchObject({ kind: 'error', message: expect.stringMatching(/"EUR" is not a fiat currency/) })
    expect(parseCli(['--rate', 'TWD=abc'], {}, '/shop')).toMatchObject({ kind: 'error', message: expect.stringMatching(/^--rate TWD=… must be a positive decimal string/) })
    expect(parseCli(['--callback-amount', 'both'], {}, '/shop')).toEqual({ kind: 'error', message: '--callback-amount must be fiat or usdt; got "both".' })
  })
})
