import type { Meta, StoryObj } from '@storybook/react-vite'
import { CheckoutModal, useCheckoutStatus, useCreateCheckout, type Checkout } from '@payfect/react'
import { useState } from 'react'
import { expect, fn, waitFor } from 'storybook/test'
import { checkoutPage, findCheckoutDialog } from './support/checkout-page'
import { MerchantButton } from './support/merchant-button'
import { storyStrings } from './support/story-strings'

interface OwnCheckoutProps {
  /** Called once the checkout is paid. */
  onSuccess?: (checkout: Checkout) => void
}

/**
 * A merchant's own checkout built from the parts: `useCreateCheckout` creates the
 * checkout, a controlled `CheckoutModal` shows it, `useCheckoutStatus` reads its
 * status the way an order page would.
 */
function OwnCheckout({ onSuccess }: OwnCheckoutProps) {
  const { createCheckout, checkout, isCreating, error } = useCreateCheckout()
  const [open, setOpen] = useState(false)
  const { status } = useCheckoutStatus(checkout?.id)
  return (
    <div style={{ display: 'grid', gap: 12, justifyItems: 'center' }}>
      <MerchantButton
        disabled={isCreating}
        onClick={async () => {
          setOpen(true)
          await createCheckout({ items: [{ price: 'starter-plan', quantity: 2 }] }).catch(() => setOpen(false))
        }}
      >
        {isCreating ? 'Preparing…' : 'Buy 2 × Starter'}
      </MerchantButton>
      <CheckoutModal checkout={checkout ?? null} open={open} onOpenChange={setOpen} onSuccess={onSuccess} />
      <p style={{ margin: 0, font: '14px/1.4 system-ui, sans-serif', color: 'var(--payfect-color-text)' }} aria-live="polite">
        {error ? error.message : `Order status: ${status ?? 'not started'}`}
      </p>
    </div>
  )
}

const meta = {
  title: 'Components/Hooks',
  component: OwnCheckout,
  args: { onSuccess: fn() },
  parameters: { docs: { story: { inline: false, height: '640px', autoplay: true } } },
} satisfies Meta<typeof OwnCheckout>

export default meta
type Story = StoryObj<typeof meta>

/** The modal opens at once in its loading state, then shows the checkout; paying updates the polled status. */
export const UseCreateCheckoutWithModal: Story = {
  play: async ({ args, canvas, canvasElement, userEvent, ...context }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Buy 2 × Starter' }))
    const dialog = await findCheckoutDialog(canvasElement)
    await waitFor(() => expect(dialog).toHaveAccessibleDescription(/18\.00 USDT/))
    const page = await checkoutPage(canvasElement)
    await userEvent.click(page.getByRole('button', { name: storyStrings(context).page('Simulate payment') }))
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1))
    await expect(await canvas.findByText('Order status: complete', {}, { timeout: 5000 })).toBeInTheDocument()
  },
}
