import type { Meta, StoryObj } from '@storybook/react-vite'
import { CheckoutButton } from '@payfect/react'
import { zhTW } from '@payfect/react/locales/zh-TW'
import { expect, fn, waitFor, within } from 'storybook/test'
import type { PayfectStoryParameters } from '../.storybook/decorators'
import { buttonPseudoStates, buttonStates, ButtonStates, expectedStatus } from './support/button-states'
import { checkoutPage, findCheckoutDialog } from './support/checkout-page'
import { MerchantButton } from './support/merchant-button'
import { rewriteForPseudoStates } from './support/pseudo-states'
import { storyStrings } from './support/story-strings'

/**
 * The one component most stores need: it asks the merchant's server for a checkout
 * on click and shows it in a modal, a popup or the whole page. Its state is on
 * `data-status` (`idle`, `creating`, `open`, `complete`, `expired`, `error`).
 *
 * In these stories the merchant's endpoint is mocked in the browser through
 * `PayfectProvider`'s `createCheckout`, and the checkout page is Storybook's own
 * lookalike of the hosted page.
 */
const meta = {
  title: 'Components/CheckoutButton',
  component: CheckoutButton,
  args: {
    items: [{ price: 'pro-plan', quantity: 1 }],
    clientReferenceId: 'order_42',
    mode: 'modal',
    onSuccess: fn(),
    onCancel: fn(),
    onExpire: fn(),
    onError: fn(),
    onClose: fn(),
  },
  argTypes: {
    mode: { control: 'inline-radio', options: ['modal', 'redirect', 'popup'] },
    children: { control: 'text', description: 'The label. Without children the button shows the locale’s `payWithCrypto` string.' },
    // CheckoutOutcomeHandlers (use-checkout-tracker.ts) has no JSDoc yet; these say what the source does.
    onSuccess: { description: 'Called once when the checkout is paid (page message, status poll or return URL, whichever comes first).' },
    onCancel: { description: 'Called when the shopper cancels on the checkout page; the button returns to idle.' },
    onExpire: { description: 'Called when the checkout expires unpaid; the button shows an alert with a retry.' },
  },
  // The docs page plays each story, so it shows the state the story names; a story that opens a modal plays in its own frame.
  parameters: { docs: { story: { autoplay: true } } },
} satisfies Meta<typeof CheckoutButton>

/** A story that opens a modal: on the docs page it plays in a frame of its own, since a modal takes over its page. */
const framed = (height = '560px') => ({ docs: { story: { inline: false, height } } })

export default meta
type Story = StoryObj<typeof meta>

const payfect = (parameters: PayfectStoryParameters) => ({ payfect: parameters })

/** Ready to be clicked; with no children it shows the locale's built-in label. */
export const Idle: Story = {
  play: async ({ canvas, ...context }) => {
    const { messages } = storyStrings(context)
    const button = canvas.getByRole('button', { name: messages.payWithCrypto })
    await expect(button).toHaveAttribute('data-status', 'idle')
    await expect(button).toBeEnabled()
  },
}

/**
 * Every state side by side in light, dark and brand, without a click: hover, focus-visible and
 * active are forced by the pseudo-states addon; the flow states are real buttons driven there as
 * they mount, each against its own mock route (a creation that never answers, a failing one, a
 * checkout the route reports expired or complete, a payment the route has not confirmed, the
 * order's checkout found again by its `clientReferenceId`, the checkout moved to its own window).
 */
export const States: Story = {
  render: (_args, { globals }) => <ButtonStates locale={typeof globals.locale === 'string' ? globals.locale : 'en'} />,
  parameters: { layout: 'padded', pseudo: buttonPseudoStates, controls: { disable: true }, ...framed('980px') },
  play: async ({ canvasElement, step }) => {
    const cells = (state: string) => [...canvasElement.querySelectorAll<HTMLElement>(`[data-state-cell="${state}"]`)]
    const buttonIn = (cell: HTMLElement) => cell.querySelector<HTMLElement>('[data-slot="checkout-button"]')!
    for (const state of buttonStates) {
      await step(state, async () => {
        await expect(cells(state)).toHaveLength(3)
        for (const cell of cells(state)) {
          await waitFor(() => expect(buttonIn(cell)).toHaveAttribute('data-status', expectedStatus[state]), { timeout: 20_000 })
        }
      })
    }
    await step('the pseudo-classes are forced: hover, focus-visible and active look unlike idle', async () => {
      await rewriteForPseudoStates()
      const [idle] = cells('idle').map(buttonIn)
      for (const [state, property] of [
        ['hover', 'backgroundColor'],
        ['focus-visible', 'outlineStyle'],
        ['active', 'transform'],
      ] as const) {
        const [forced] = cells(state).map(buttonIn)
        // After the transition: colour and transform ease in.
        await waitFor(() => expect(getComputedStyle(forced!)[property], state).not.toBe(getComputedStyle(idle!)[property]))
      }
    })
    await step('resumed, disabled and the alerts', async () => {
      for (const cell of cells('resumed')) await waitFor(() => expect(buttonIn(cell)).toHaveAttribute('data-resumed'), { timeout: 20_000 })
      for (const cell of cells('disabled')) await expect(buttonIn(cell)).toBeDisabled()
      for (const cell of [...cells('error'), ...cells('expired')]) await expect(within(cell).getByRole('alert')).toBeInTheDocument()
      for (const cell of cells('pending')) await expect(cell.querySelector('[data-slot="checkout-pending"]')).toBeInTheDocument()
    })
  },
}

/** Any children replace the built-in label. */
export const CustomLabel: Story = {
  args: { children: 'Buy Pro — 20.50 USDT' },
}

/** While the merchant's server creates the checkout: busy (`aria-busy`, `aria-disabled`, still focusable), a spinner and an announcement. Here the request never ends. */
export const Creating: Story = {
  parameters: payfect({ behaviour: 'never' }),
  play: async ({ canvas, userEvent }) => {
    const button = canvas.getByRole('button')
    await userEvent.click(button)
    await expect(button).toHaveAttribute('data-status', 'creating')
    await expect(button).toHaveAttribute('aria-busy', 'true')
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expect(button).toHaveFocus()
  },
}

/** The first request fails: an inline alert with a retry; the retry succeeds and opens the checkout. */
export const ErrorWithRetry: Story = {
  parameters: { ...payfect({ behaviour: 'once', delayMs: 150 }), ...framed() },
  play: async ({ args, canvas, canvasElement, userEvent, step, ...context }) => {
    const { messages } = storyStrings(context)
    await step('the first attempt fails', async () => {
      await userEvent.click(canvas.getByRole('button', { name: messages.payWithCrypto }))
      const alert = await canvas.findByRole('alert')
      await expect(alert).toHaveTextContent(messages.error)
      await expect(canvas.getByRole('button', { name: messages.payWithCrypto })).toHaveAttribute('data-status', 'error')
      await expect(args.onError).toHaveBeenCalledTimes(1)
    })
    await step('the retry opens the checkout', async () => {
      await userEvent.click(within(canvas.getByRole('alert')).getByRole('button', { name: messages.retry }))
      await findCheckoutDialog(canvasElement)
      // The open modal hides the rest of the page from assistive tech, the button included.
      await waitFor(() => expect(canvas.getByRole('button', { name: messages.payWithCrypto, hidden: true })).toHaveAttribute('data-status', 'open'))
    })
  },
}

/** The merchant's server is down: the alert stays until a retry succeeds. */
export const ErrorState: Story = {
  parameters: payfect({ behaviour: 'always', delayMs: 100 }),
  play: async ({ args, canvas, userEvent, ...context }) => {
    const { messages } = storyStrings(context)
    await userEvent.click(canvas.getByRole('button', { name: messages.payWithCrypto }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent(messages.retry)
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ name: 'CheckoutError', type: 'api_error' }))
  },
}

/** `disabled` works like on any button. */
export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button')).toBeDisabled()
  },
}

/** `asChild` gives the behaviour to the merchant's own button, keeping its look. */
export const AsChild: Story = {
  render: (args) => (
    <CheckoutButton {...args} asChild>
      <MerchantButton>Checkout with USDT</MerchantButton>
    </CheckoutButton>
  ),
  play: async ({ canvas }) => {
    const button = canvas.getByRole('button', { name: 'Checkout with USDT' })
    await expect(button).toHaveClass('merchant-button')
    await expect(button).toHaveAttribute('data-status', 'idle')
  },
}

/** `mode="modal"` (the default): the checkout opens in a dialog over the store. */
export const ModeModal: Story = {
  args: { mode: 'modal' },
  parameters: framed(),
  play: async ({ canvas, canvasElement, userEvent, ...context }) => {
    const { messages } = storyStrings(context)
    await userEvent.click(canvas.getByRole('button'))
    const dialog = await findCheckoutDialog(canvasElement)
    await expect(within(dialog).getByTitle(messages.frameTitle)).toBeInTheDocument()
  },
}

/**
 * `mode="redirect"`: the whole page goes to the checkout, which sends the shopper
 * back to the `successUrl` after paying — here, this story again.
 */
export const ModeRedirect: Story = {
  args: { mode: 'redirect', children: 'Pay on Payfect' },
  parameters: payfect({ successUrl: () => window.location.href, cancelUrl: () => window.location.href }),
}

/**
 * `mode="popup"`: a centred window the button watches; the button falls back to a
 * redirect when the browser blocks it.
 */
export const ModePopup: Story = {
  args: { mode: 'popup', children: 'Pay in a popup' },
  // Never autoplayed: without a click the browser blocks the popup, and the kit would redirect the page.
  parameters: { docs: { story: { autoplay: false } } },
  play: async ({ args, canvas, userEvent }) => {
    const button = canvas.getByRole('button')
    // Each popup is its own unnamed window: keep the one the click opens.
    const open = window.open.bind(window)
    let popup: Window | null = null
    window.open = (...openArgs) => (popup = open(...openArgs))
    await userEvent.click(button).finally(() => (window.open = open))
    await waitFor(() => expect(button).toHaveAttribute('data-status', 'open'), { timeout: 5000 })
    await expect(popup).not.toBeNull()
    const pay = await waitFor(
      () => {
        const found = popup!.document.querySelector<HTMLButtonElement>('[data-action="pay"]')
        expect(found).not.toBeNull()
        return found!
      },
      { timeout: 5000 },
    )
    pay.click()
    await waitFor(() => expect(button).toHaveAttribute('data-status', 'complete'), { timeout: 5000 })
    await expect(args.onSuccess).toHaveBeenCalledTimes(1)
  },
}

/** The checkout runs out before it is paid: an alert offers a fresh one. The mock checkout expires after 2 s. */
export const Expired: Story = {
  parameters: { ...payfect({ expiresInMs: 2000, delayMs: 100 }), ...framed() },
  play: async ({ args, canvas, canvasElement, userEvent, ...context }) => {
    const { messages } = storyStrings(context)
    await userEvent.click(canvas.getByRole('button'))
    await findCheckoutDialog(canvasElement)
    const alert = await canvas.findByRole('alert', {}, { timeout: 6000 })
    await expect(alert).toHaveTextContent(messages.expired)
    await expect(canvas.getByRole('button', { name: messages.payWithCrypto })).toHaveAttribute('data-status', 'expired')
    await expect(args.onExpire).toHaveBeenCalledTimes(1)
  },
}

/** Paid: the button announces it and `onSuccess` fires exactly once. */
export const Complete: Story = {
  parameters: framed(),
  play: async ({ args, canvas, canvasElement, userEvent, ...context }) => {
    const { messages, page: pageText } = storyStrings(context)
    await userEvent.click(canvas.getByRole('button'))
    const page = await checkoutPage(canvasElement)
    await userEvent.click(page.getByRole('button', { name: pageText('Simulate payment') }))
    // The modal closes itself (after its exit animation) and gives the page back.
    await waitFor(() => expect(canvasElement.ownerDocument.querySelector('[role="dialog"]')).toBeNull(), { timeout: 5000 })
    await expect(canvas.getByRole('status')).toHaveTextContent(messages.complete)
    await expect(canvas.getByRole('button')).toHaveAttribute('data-status', 'complete')
    await expect(args.onSuccess).toHaveBeenCalledTimes(1)
  },
}

/** The toolbar's Locale menu: `locale="zh-TW"` with the strings of `@payfect/react/locales/zh-TW` passed as `messages`. */
export const TraditionalChinese: Story = {
  globals: { locale: 'zh-TW' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: zhTW.payWithCrypto })).toBeInTheDocument()
  },
}

/** The provider's `messages` override any built-in string. */
export const CustomMessages: Story = {
  parameters: payfect({ messages: { payWithCrypto: 'Pay with USDT', retry: 'Retry payment' } }),
  play: async ({ canvas, ...context }) => {
    // The story's messages win over every locale's.
    await expect(canvas.getByRole('button', { name: storyStrings(context).messages.payWithCrypto })).toHaveTextContent('Pay with USDT')
  },
}
