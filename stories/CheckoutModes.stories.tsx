import type { Meta, StoryObj } from '@storybook/react-vite'
import { CheckoutButton } from '@payfect/react'
import { expect, fn, waitFor } from 'storybook/test'
import type { PayfectStoryParameters } from '../.storybook/decorators'
import { withWindowOpen } from './support/drive'
import { findCheckoutDialog } from './support/checkout-page'
import { ReturnPage } from './support/return-page'
import { storyStrings } from './support/story-strings'
import './support/storefront.css'

/**
 * The ways a checkout leaves the modal, and amounts in a merchant's own currency: a popup that
 * opens, a popup the browser blocks (the kit redirects instead), the page a redirect returns to
 * (`useCheckoutReturn`), and fiat totals (TWD, CNY) from the route's `currency`.
 */
const meta = {
  title: 'Flows/Modes and currencies',
  component: CheckoutButton,
  args: { items: [{ price: 'pro-plan' }], onSuccess: fn(), onFallback: fn(), onError: fn() },
  parameters: { layout: 'centered', docs: { story: { inline: false, height: '420px', autoplay: false } } },
} satisfies Meta<typeof CheckoutButton>

export default meta
type Story = StoryObj<typeof meta>

const payfect = (parameters: PayfectStoryParameters) => ({ payfect: parameters })

/** `mode="popup"`: the click opens a centred window on the checkout; the button is `open` while it is up. */
export const PopupOpen: Story = {
  args: { mode: 'popup', clientReferenceId: 'order_popup_open' },
  play: async ({ args, canvasElement, userEvent }) => {
    const button = canvasElement.querySelector<HTMLElement>('[data-slot="checkout-button"]')!
    const open = window.open.bind(window)
    let popup: Window | null = null
    window.open = (...openArgs) => (popup = open(...openArgs))
    await userEvent.click(button).finally(() => (window.open = open))
    await waitFor(() => expect(button).toHaveAttribute('data-status', 'open'), { timeout: 5000 })
    await expect(popup).not.toBeNull()
    await waitFor(() => expect(popup!.location.href).toContain('mock-checkout.html'))
    await expect(args.onFallback).not.toHaveBeenCalled()
  },
}

/**
 * The browser blocks the popup (here `window.open` answers `null`, as a blocker does): the kit calls
 * `onFallback({ reason: 'popup-blocked' })` and sends the whole page to the checkout instead. This
 * story's checkout lives at its own `#payfect-checkout`, so the page stays put to show it.
 */
export const PopupBlocked: Story = {
  args: { mode: 'popup', clientReferenceId: 'order_popup_blocked' },
  parameters: payfect({ hostedUrl: () => `${window.location.href.split('#')[0]}#payfect-checkout` }),
  play: async ({ args, canvasElement }) => {
    const button = canvasElement.querySelector<HTMLElement>('[data-slot="checkout-button"]')!
    try {
      withWindowOpen(null, () => button.click())
      await waitFor(() => expect(args.onFallback).toHaveBeenCalledWith({ reason: 'popup-blocked' }), { timeout: 5000 })
      await waitFor(() => expect(window.location.hash).toBe('#payfect-checkout'))
      // The page is leaving: the button stays busy until it has gone.
      await expect(button).toHaveAttribute('data-status', 'creating')
    } finally {
      history.replaceState(history.state, '', window.location.href.split('#')[0])
    }
  },
}

/**
 * The page a redirect returns to: `useCheckoutReturn` reads the checkout from the route, which first
 * still says `open` (the callback has not arrived), then `complete`; `onSuccess` fires once.
 */
export const RedirectReturn: Story = {
  parameters: { payfect: { provider: false } },
  render: (args, { globals }) => <ReturnPage locale={typeof globals.locale === 'string' ? globals.locale : 'en'} onSuccess={args.onSuccess} />,
  play: async ({ args, canvasElement, ...context }) => {
    const { messages } = storyStrings(context)
    const phase = await waitFor(() => canvasElement.querySelector<HTMLElement>('[data-slot="return-phase"]') ?? Promise.reject(new Error('no return-phase')))
    await waitFor(() => expect(phase).toHaveAttribute('data-phase', 'complete'), { timeout: 10_000 })
    await expect(phase).toHaveTextContent(messages.complete)
    await expect(args.onSuccess).toHaveBeenCalledTimes(1)
  },
}

/** The merchant's currency as money in the shopper's locale, digit for digit from the decimal string. */
const money = (amount: number, currency: string, locale: string) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount)

function fiatStory(currency: 'twd' | 'cny'): Story {
  return {
    args: { items: [{ price: 'tea-set' }], clientReferenceId: `order_fiat_${currency}` },
    parameters: { ...payfect({ currency }), docs: { story: { inline: false, height: '640px', autoplay: true } } },
    play: async ({ canvasElement, userEvent, ...context }) => {
      const { locale } = storyStrings(context)
      await userEvent.click(canvasElement.querySelector<HTMLElement>('[data-slot="checkout-button"]')!)
      const dialog = await findCheckoutDialog(canvasElement)
      const expected = money(1500, currency.toUpperCase(), locale)
      if (currency === 'twd' && locale === 'en') await expect(expected).toBe('NT$1,500.00')
      await waitFor(() => expect(dialog.querySelector('.payfect-modal-description')).toHaveTextContent(expected))
    },
  }
}

/** A total in New Taiwan dollars: `NT$1,500.00` in English. */
export const FiatTWD: Story = fiatStory('twd')

/** A total in yuan: `CN¥1,500.00` in English. */
export const FiatCNY: Story = fiatStory('cny')
