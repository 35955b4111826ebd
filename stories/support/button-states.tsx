import { CheckoutButton, PayfectProvider } from '@payfect/react'
import { zhTW } from '@payfect/react/locales/zh-TW'
import { useEffect, useRef, useState, type CSSProperties } from 'react'
import { brandVariables, canvasBackground, type ThemeName } from '../../.storybook/themes'
import { modalFor, payControl, queue, stayingWindow, until, withWindowOpen } from './drive'
import { createMockMerchant, type MockMerchantOptions } from './mock-merchant'
import './states.css'

/** Every state the button can be seen in, in the order the gallery shows them. */
export const buttonStates = ['idle', 'hover', 'focus-visible', 'active', 'disabled', 'creating', 'error', 'expired', 'paid', 'confirming', 'pending', 'resumed', 'fallback'] as const
export type ButtonState = (typeof buttonStates)[number]

/** What a cell's button says on `data-status` once driven (`resumed` is `idle` with `data-resumed`). */
export const expectedStatus: Record<ButtonState, string> = {
  idle: 'idle',
  hover: 'idle',
  'focus-visible': 'idle',
  active: 'idle',
  disabled: 'idle',
  creating: 'creating',
  error: 'error',
  expired: 'expired',
  paid: 'complete',
  confirming: 'confirming',
  pending: 'pending',
  resumed: 'idle',
  fallback: 'fallback',
}

interface Scenario {
  /** The mock route behind this cell. */
  merchant?: MockMerchantOptions
  /** The provider's poll interval: short where the state is reached through status reads. */
  pollInterval?: number
  /** Drives the cell's real button into its state: `button` is the current one, `remount` is a reload. */
  drive?: (cell: Cell) => Promise<void>
}

interface Cell {
  button: () => HTMLElement
  reference: string
  remount: () => void
}

const button = (cell: Cell) => cell.button()
const openModal = async (cell: Cell) => {
  button(cell).click()
  return until(() => modalFor(cell.reference), 'the checkout modal')
}
const pay = async (cell: Cell) => {
  const modal = await openModal(cell)
  ;(await until(() => payControl(modal), 'the hosted page')).click()
  return modal
}
const close = (modal: HTMLElement) => modal.querySelector<HTMLElement>('[data-slot="checkout-close"]')!.click()
const status = (cell: Cell, value: string) => until(() => button(cell).dataset.status === value, `data-status="${value}"`)

/** How each state is reached, always through the component and a mock route, never by setting attributes. */
const scenarios: Record<ButtonState, Scenario> = {
  idle: {},
  // Forced by storybook-addon-pseudo-states (the story's `pseudo` parameter) on these cells' buttons.
  hover: {},
  'focus-visible': {},
  active: {},
  disabled: {},
  creating: { merchant: { behaviour: 'never' }, drive: async (cell) => button(cell).click() },
  error: { merchant: { behaviour: 'always', delayMs: 50 }, drive: async (cell) => button(cell).click() },
  // The route reports it expired once its expiry passes; the modal closes itself.
  expired: {
    merchant: { expiresInMs: 300 },
    pollInterval: 200,
    drive: async (cell) => {
      button(cell).click()
      await status(cell, 'expired')
    },
  },
  // Paid in the hosted page, reported complete by the route: the modal closes itself.
  paid: { drive: async (cell) => void (await pay(cell)) },
  // Paid, but the route's status read never comes back: the kit keeps confirming. The shopper closes the modal.
  confirming: {
    merchant: { settlement: 'unanswered' },
    drive: async (cell) => {
      const modal = await pay(cell)
      await status(cell, 'confirming')
      close(modal)
    },
  },
  // Paid, and the route still says `open` after every confirmation read: pending (not an error).
  pending: {
    merchant: { settlement: 'awaiting-confirmations' },
    pollInterval: 50,
    drive: async (cell) => {
      const modal = await pay(cell)
      await status(cell, 'confirming')
      close(modal)
    },
  },
  // The order's open checkout, found again by its clientReferenceId after a reload (a remount here).
  resumed: {
    drive: async (cell) => {
      const modal = await openModal(cell)
      await until(() => payControl(modal), 'the hosted page')
      close(modal)
      await until(() => !modalFor(cell.reference), 'the modal to close')
      cell.remount()
    },
  },
  // The shopper moved the checkout to a window of its own ("Open in a new window").
  fallback: {
    drive: async (cell) => {
      const modal = await openModal(cell)
      const control = await until(() => modal.querySelector<HTMLElement>('[data-slot="checkout-open-window"]'), 'the new-window control')
      withWindowOpen(stayingWindow(), () => control.click())
    },
  },
}

// Three modals and hosted pages at a time, whatever the number of cells.
const drive = queue(3)

const themeStyle = (theme: ThemeName): CSSProperties => ({ ...(theme === 'brand' ? brandVariables : {}), background: canvasBackground[theme] }) as CSSProperties

function StateCell({ state, theme, locale }: { state: ButtonState; theme: ThemeName; locale: string }) {
  const scenario = scenarios[state]
  const [merchant] = useState(() => createMockMerchant({ locale, delayMs: 50, ...scenario.merchant }))
  // A reference of its own per mount: resume must find only this cell's checkout, never another story's.
  const [reference] = useState(() => `order_${state}_${theme}_${Math.random().toString(36).slice(2, 8)}`)
  const [mount, setMount] = useState(0)
  const cellRef = useRef<HTMLDivElement>(null)
  const drivenRef = useRef(false)
  useEffect(() => () => merchant.dispose(), [merchant])
  useEffect(() => {
    if (drivenRef.current || !scenario.drive) return
    drivenRef.current = true
    const cell: Cell = {
      reference,
      button: () => cellRef.current!.querySelector<HTMLElement>('[data-slot="checkout-button"]')!,
      remount: () => setMount((count) => count + 1),
    }
    drive(() => scenario.drive!(cell)).catch((error: unknown) => console.warn(`[states] ${state} in ${theme}:`, error))
  }, [scenario, reference, state, theme])
  return (
    <div ref={cellRef} className="sb-state-cell" data-state-cell={state} data-theme={theme === 'dark' ? 'dark' : 'light'} style={themeStyle(theme)}>
      <span className="sb-state-cell__name">{state}</span>
      <PayfectProvider
        locale={locale}
        messages={locale === 'zh-TW' ? zhTW : undefined}
        createCheckout={merchant.createCheckout}
        getCheckout={merchant.getCheckout}
        checkoutOrigin={window.location.origin}
        pollInterval={scenario.pollInterval ?? 1000}
      >
        <CheckoutButton key={mount} items={[{ price: 'pro-plan' }]} clientReferenceId={reference} disabled={state === 'disabled'} />
      </PayfectProvider>
    </div>
  )
}

/** Every state of the button side by side, one row per theme (light, dark, brand), each driven there as it mounts. */
export function ButtonStates({ locale }: { locale: string }) {
  return (
    <div className="sb-states">
      {(['light', 'dark', 'brand'] as const).map((theme) => (
        <section key={theme} className="sb-states__row" aria-label={theme} data-theme={theme === 'dark' ? 'dark' : 'light'} style={themeStyle(theme)}>
          <h3 className="sb-states__theme">{theme}</h3>
          <div className="sb-states__cells">
            {buttonStates.map((state) => (
              <StateCell key={state} state={state} theme={theme} locale={locale} />
            ))}
          </div>
        </section>
      ))}
    </div>
  )
}

/**
 * The `pseudo` parameter that forces hover, focus-visible and active on those cells' buttons. Its
 * root is `<body>`: Vitest's runner has no `#storybook-root`.
 */
export const buttonPseudoStates = {
  rootSelector: 'body',
  hover: ['[data-state-cell="hover"] [data-slot="checkout-button"]'],
  focusVisible: ['[data-state-cell="focus-visible"] [data-slot="checkout-button"]'],
  active: ['[data-state-cell="active"] [data-slot="checkout-button"]'],
}
