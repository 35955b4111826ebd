// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { CheckoutButton, CheckoutModal, PayfectProvider, useCheckoutStatus, useCreateCheckout } from '../src/index'
import { zhTW } from '@payfect/react/locales/zh-TW'
import { makeCheckout } from './helpers'

const items = [{ price: 'pro-plan' }]

function Hooks() {
  const { isCreating } = useCreateCheckout()
  const { status } = useCheckoutStatus('co_1')
  return <output>{`${isCreating}:${status ?? 'unknown'}`}</output>
}

describe('server rendering', () => {
  it('runs with no window or document', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
  })

  it('renders CheckoutButton inert, in every mode', () => {
    for (const mode of ['modal', 'redirect', 'popup'] as const) {
      const html = renderToString(
        <PayfectProvider>
          <CheckoutButton items={items} mode={mode} className="buy">
            Pay with crypto
          </CheckoutButton>
        </PayfectProvider>,
      )
      expect(html).toMatch(/^<div class="payfect-checkout" data-slot="checkout" data-status="idle"><button[^>]*type="button"/)
      expect(html).toContain('data-status="idle"')
      expect(html).toContain('class="payfect-button buy"')
      expect(html).toContain('Pay with crypto')
      expect(html).not.toContain('aria-busy')
    }
  })

  it('renders CheckoutButton asChild onto the merchant element', () => {
    const html = renderToString(
      <PayfectProvider locale="zh-TW" messages={zhTW}>
        <CheckoutButton items={items} asChild>
          <a href="/buy">Buy</a>
        </CheckoutButton>
      </PayfectProvider>,
    )
    expect(html).toMatch(/^<div[^>]*><a href="\/buy"[^>]*data-slot="checkout-button"[^>]*><span class="payfect-button-label"[^>]*><span class="payfect-button-text">Buy<\/span><\/span><\/a><\/div>$/)
  })

  it('renders CheckoutModal (open or closed, with or without a checkout) to nothing: it portals on the client', () => {
    for (const props of [{ open: true }, { defaultOpen: true }, { open: false }]) {
      for (const checkout of [makeCheckout('co_1'), null]) {
        const html = renderToString(
          <PayfectProvider>
            <CheckoutModal checkout={checkout} {...props} />
          </PayfectProvider>,
        )
        expect(html).toBe('')
      }
    }
  })

  it('renders the hooks without fetching', () => {
    const html = renderToString(
      <PayfectProvider fetch={() => Promise.reject(new Error('no fetch on the server'))}>
        <Hooks />
      </PayfectProvider>,
    )
    expect(html).toBe('<output>false:unknown</output>')
  })

  it('keeps "use client" at the top of every component, hook and context module', async () => {
    const { readdir, readFile } = await import('node:fs/promises')
    const dir = new URL('../src/', import.meta.url)
    const files = (await readdir(dir)).filter((file) => /\.(tsx|ts)$/.test(file) && file !== 'index.ts')
    expect(files.length).toBeGreaterThan(8)
    const missing = []
    for (const file of files) {
      const text = await readFile(new URL(file, dir), 'utf8')
      if (!text.startsWith("'use client'\n")) missing.push(file)
    }
    expect(missing).toEqual([])
  })
})
