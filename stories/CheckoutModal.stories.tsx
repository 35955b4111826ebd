import type { Meta, StoryObj } from '@storybook/react-vite'
import { CheckoutModal, type Checkout } from '@payfect/react'
import { useState } from 'react'
import { expect, fn, waitFor, within } from 'storybook/test'
import type { PayfectStoryParameters } from '../.storybook/decorators'
import { checkoutPage, findCheckoutDialog } from './support/checkout-page'
import { ModalStates } from './support/modal-states'
import { mockCheckout, type MockCheckoutOptions } from './support/mock-merchant'
import { rewriteForPseudoStates } from './support/pseudo-states'
import { ReopenControl } from './support/reopen-control'
import { storyStrings } from './support/story-strings'

/**
 * The hosted checkout page in an accessible Radix dialog: focus trap, Escape,
 * a labelled title, a loading state until the page has loaded, and an
 * "Open in a new window" control outside the frame. Controlled (`open` + `onOpenChange`) or
 * uncontrolled (`defaultOpen`). `CheckoutButton` renders it for you; render it
 * yourself when you create the checkout with `useCreateCheckout`.
 *
 * Each story renders in its own frame on this page, since an open modal takes over its page, and
 * plays there; a closed modal can be opened again with the canvas's "Reopen" control.
 */
const meta = {
  title: 'Components/CheckoutModal',
  component: CheckoutModal,
  args: {
    checkout: null,
    defaultOpen: true,
    onOpenChange: fn(),
    onSuccess: fn(),
    onCancel: fn(),
    onExpire: fn(),
    onClose: fn(),
    onPending: fn(),
  },
  argTypes: {
    checkout: { control: false },
    // CheckoutOutcomeHandlers (use-checkout-tracker.ts) has no JSDoc yet; these say what the source does.
    onSuccess: { description: 'Called once when the checkout is paid; the modal closes itself first.' },
    onCancel: { description: 'Called when the shopper cancels on the checkout page; the modal closes itself first.' },
    onExpire: { description: 'Called when the checkout expires unpaid; the modal closes itself first.' },
  },
  parameters: { layout: 'fullscreen', docs: { story: { inline: false, height: '640px', autoplay: true } } },
} satisfies Meta<typeof CheckoutModal>

export default meta
type Story = StoryObj<typeof meta>

const payfect = (parameters: PayfectStoryParameters) => ({ payfect: parameters })

/**
 * Builds the story's checkout once per theme and locale, so the frame does not reload on every
 * render, and keeps the modal's open state here so the canvas's "Reopen" control can show it again.
 */
function withCheckout(options: MockCheckoutOptions): Story['render'] {
  return function Render(args, { globals }) {
    const theme = globals.theme === 'dark' ? 'dark' : 'light'
    const locale = typeof globals.locale === 'string' ? globals.locale : 'en'
    const [checkouts] = useState(() => new Map<string, Checkout>())
    const [open, setOpen] = useState(args.open ?? args.defaultOpen ?? false)
    const key = `${theme}:${locale}`
    if (!checkouts.has(key)) checkouts.set(key, mockCheckout({ ...options, theme, locale }))
    return (
      <>
        <ReopenControl onReopen={() => setOpen(true)} />
        <CheckoutModal
          {...args}
          checkout={checkouts.get(key)}
          open={open}
          onOpenChange={(next) => {
            setOpen(next)
            args.onOpenChange?.(next)
          }}
        />
      </>
    )
  }
}

/**
 * Every state of the modal side by side in light, dark and brand, without a click: each is the
 * story of that name in its own frame (a modal takes over its page), playing there.
 */
export const States: Story = {
  tags: ['!test'],
  render: (_args, { globals }) => <ModalStates locale={typeof globals.locale === 'string' ? globals.locale : 'en'} />,
  parameters: { layout: 'padded', controls: { disable: true }, docs: { story: { inline: true, autoplay: false } } },
}

/** The canvas's "Reopen" control (story chrome, found by its data attribute in every locale). */
const reopen = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[data-story-control="reopen"]')!

/** Open before the checkout exists (`checkout={null}`): a labelled loading state. */
export const Loading: Story = {
  play: async ({ canvasElement, ...context }) => {
    const { messages } = storyStrings(context)
    const dialog = await findCheckoutDialog(canvasElement)
    await expect(within(dialog).getByRole('status')).toHaveTextContent(messages.loading)
    await expect(dialog).toHaveAttribute('data-status', 'creating')
  },
}

/** The checkout page loaded in the frame, the amount in the description. */
export const Open: Story = {
  render: withCheckout({ id: 'cs_mock_open' }),
  play: async ({ canvasElement, ...context }) => {
    const { messages } = storyStrings(context)
    const dialog = await findCheckoutDialog(canvasElement)
    await expect(dialog).toHaveAccessibleName(messages.modalTitle)
    await expect(dialog).toHaveAccessibleDescription(/20\.50 USDT/)
    await checkoutPage(canvasElement)
    await waitFor(() => expect(dialog).not.toHaveAttribute('data-loading'))
    await expect(dialog).toHaveAttribute('data-status', 'open')
  },
}

/** A checkout that is already paid (`status: 'complete'`): the page shows the receipt. */
export const Complete: Story = {
  render: withCheckout({ id: 'cs_mock_complete', status: 'complete' }),
  play: async ({ args, canvasElement }) => {
    const dialog = await findCheckoutDialog(canvasElement)
    await expect(dialog).toHaveAttribute('data-status', 'complete')
    // Already paid before it was shown: no second onSuccess.
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/** A checkout that ran out before it was paid (`status: 'expired'`). */
export const Expired: Story = {
  render: withCheckout({ id: 'cs_mock_expired', status: 'expired', expiresAt: String(Date.now() - 60_000) }),
  play: async ({ canvasElement }) => {
    const dialog = await findCheckoutDialog(canvasElement)
    await expect(dialog).toHaveAttribute('data-status', 'expired')
  },
}

/** "Open in a new window" is always there, outside the frame, for a shopper whose browser will not show the frame. */
export const FallbackLink: Story = {
  render: withCheckout({ id: 'cs_mock_fallback' }),
  play: async ({ canvasElement, ...context }) => {
    const { messages } = storyStrings(context)
    const dialog = await findCheckoutDialog(canvasElement)
    const control = within(dialog).getByRole('button', { name: messages.openInNewWindow })
    await expect(dialog.querySelector('iframe')).not.toContainElement(control)
  },
}

/** Paying in the frame: the page posts `checkout.complete`, the modal closes and `onSuccess` fires once; "Reopen" shows the receipt. */
export const PayInFrame: Story = {
  render: withCheckout({ id: 'cs_mock_pay' }),
  play: async ({ args, canvasElement, userEvent, ...context }) => {
    await findCheckoutDialog(canvasElement)
    const page = await checkoutPage(canvasElement)
    await userEvent.click(page.getByRole('button', { name: storyStrings(context).page('Simulate payment') }))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(within(canvasElement.ownerDocument.body).queryByRole('dialog')).toBeNull())
    // The canvas is not left blank: the paid checkout can be shown again. A plain click: user-event
    // last acted in the frame's document, which closed with the modal.
    reopen(canvasElement).click()
    await expect(await findCheckoutDialog(canvasElement)).toHaveAttribute('data-status', 'complete')
    await expect(args.onSuccess).toHaveBeenCalledTimes(1)
  },
}

/** After a success landing or message, the route has not answered yet: the modal confirms with it (the route here never answers). */
export const Confirming: Story = {
  render: withCheckout({ id: 'cs_mock_confirming' }),
  parameters: payfect({ settlement: 'unanswered' }),
  play: async ({ canvasElement, userEvent, ...context }) => {
    const { messages, page: pageText } = storyStrings(context)
    const dialog = await findCheckoutDialog(canvasElement)
    const page = await checkoutPage(canvasElement)
    await userEvent.click(page.getByRole('button', { name: pageText('Simulate payment') }))
    await waitFor(() => expect(dialog).toHaveAttribute('data-status', 'confirming'))
    await expect(dialog).toHaveAccessibleName(messages.confirmingTitle)
    await expect(within(dialog).getByRole('status')).toHaveTextContent(messages.confirming)
  },
}

/** Paid, but the route still says `open` after every confirmation read: pending, not an error; `onPending` fires once. */
export const Pending: Story = {
  render: withCheckout({ id: 'cs_mock_pending' }),
  parameters: payfect({ settlement: 'awaiting-confirmations', pollInterval: 50 }),
  play: async ({ args, canvasElement, userEvent, ...context }) => {
    const { messages, page: pageText } = storyStrings(context)
    const dialog = await findCheckoutDialog(canvasElement)
    const page = await checkoutPage(canvasElement)
    await userEvent.click(page.getByRole('button', { name: pageText('Simulate payment') }))
    await waitFor(() => expect(dialog).toHaveAttribute('data-status', 'pending'), { timeout: 10_000 })
    await expect(dialog).toHaveAccessibleName(messages.pendingTitle)
    await waitFor(() => expect(args.onPending).toHaveBeenCalledTimes(1))
    await expect(args.onSuccess).not.toHaveBeenCalled()
  },
}

/** The close control hovered and "Open in a new window" focused, forced by the pseudo-states addon. */
export const ControlStates: Story = {
  render: withCheckout({ id: 'cs_mock_controls' }),
  parameters: { pseudo: { rootSelector: 'body', hover: ['[data-slot="checkout-close"]'], focusVisible: ['[data-slot="checkout-open-window"]'] } },
  play: async ({ canvasElement }) => {
    const dialog = await findCheckoutDialog(canvasElement)
    await rewriteForPseudoStates()
    const link = await waitFor(() => dialog.querySelector<HTMLElement>('[data-slot="checkout-open-window"]') ?? Promise.reject(new Error('no checkout-open-window')))
    await waitFor(() => expect(getComputedStyle(link).outlineStyle).toBe('solid'))
  },
}

/** Escape closes the modal without cancelling: `onClose` fires, the checkout stays payable, and "Reopen" shows it again, still open. */
export const CloseWithEscape: Story = {
  render: withCheckout({ id: 'cs_mock_close' }),
  play: async ({ args, canvasElement, userEvent }) => {
    await findCheckoutDialog(canvasElement)
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(args.onClose).toHaveBeenCalledTimes(1))
    await expect(args.onCancel).not.toHaveBeenCalled()
    await userEvent.click(reopen(canvasElement))
    const dialog = await findCheckoutDialog(canvasElement)
    await checkoutPage(canvasElement)
    await waitFor(() => expect(dialog).toHaveAttribute('data-status', 'open'))
  },
}
