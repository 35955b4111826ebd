import type { Meta, StoryObj } from '@storybook/react-vite'
import { CheckoutModal, type Checkout } from '@payfect/react'
import { useState } from 'react'
import { expect, fn, waitFor, within } from 'storybook/test'
import { checkoutPage, findCheckoutDialog } from './support/checkout-page'
import { mockCheckout, type MockCheckoutOptions } from './support/mock-merchant'

/**
 * The hosted checkout page in an accessible Radix dialog: focus trap, Escape,
 * a labelled title, a loading state until the page has loaded, and an
 * "Open in a new tab" fallback. Controlled (`open` + `onOpenChange`) or
 * uncontrolled (`defaultOpen`). `CheckoutButton` renders it for you; render it
 * yourself when you create the checkout with `useCreateCheckout`.
 *
 * Each story renders in its own frame on this page, since an open modal takes over its page.
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
  },
  argTypes: {
    checkout: { control: false },
    // CheckoutOutcomeHandlers (use-checkout-tracker.ts) has no JSDoc yet; these say what the source does.
    onSuccess: { description: 'Called once when the checkout is paid; the modal closes itself first.' },
    onCancel: { description: 'Called when the shopper cancels on the checkout page; the modal closes itself first.' },
    onExpire: { description: 'Called when the checkout expires unpaid; the modal closes itself first.' },
  },
  parameters: { layout: 'fullscreen', docs: { story: { inline: false, height: '640px' } } },
} satisfies Meta<typeof CheckoutModal>

export default meta
type Story = StoryObj<typeof meta>

/** Builds the story's checkout once per theme, so the frame does not reload on every render. */
function withCheckout(options: MockCheckoutOptions): Story['render'] {
  return function Render(args, { globals }) {
    const theme = globals.theme === 'dark' ? 'dark' : 'light'
    const [checkouts] = useState(() => new Map<string, Checkout>())
    if (!checkouts.has(theme)) checkouts.set(theme, mockCheckout({ ...options, theme }))
    return <CheckoutModal {...args} checkout={checkouts.get(theme)} />
  }
}

/** Open before the checkout exists (`checkout={null}`): a labelled loading state. */
export const Loading: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await findCheckoutDialog(canvasElement)
    await expect(within(dialog).getByRole('status')).toHaveTextContent('Loading secure checkout')
    await expect(dialog).toHaveAttribute('data-status', 'creating')
  },
}

/** The checkout page loaded in the frame, the amount in the description. */
export const Open: Story = {
  render: withCheckout({ id: 'cs_mock_open' }),
  play: async ({ canvasElement }) => {
    const dialog = await findCheckoutDialog(canvasElement)
    await expect(dialog).toHaveAccessibleName('Secure checkout')
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
  play: async ({ canvasElement }) => {
    const dialog = await findCheckoutDialog(canvasElement)
    const control = within(dialog).getByRole('button', { name: 'Open in a new window' })
    await expect(dialog.querySelector('iframe')).not.toContainElement(control)
  },
}

/** Paying in the frame: the page posts `checkout.complete`, the modal closes and `onSuccess` fires once. */
export const PayInFrame: Story = {
  render: withCheckout({ id: 'cs_mock_pay' }),
  play: async ({ args, canvasElement, userEvent }) => {
    await findCheckoutDialog(canvasElement)
    const page = await checkoutPage(canvasElement)
    await userEvent.click(page.getByRole('button', { name: 'Simulate payment' }))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(within(canvasElement.ownerDocument.body).queryByRole('dialog')).toBeNull())
  },
}

/** Escape closes the modal without cancelling: `onClose` fires, the checkout stays payable. */
export const CloseWithEscape: Story = {
  render: withCheckout({ id: 'cs_mock_close' }),
  play: async ({ args, canvasElement, userEvent }) => {
    await findCheckoutDialog(canvasElement)
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(args.onClose).toHaveBeenCalledTimes(1))
    await expect(args.onCancel).not.toHaveBeenCalled()
  },
}
