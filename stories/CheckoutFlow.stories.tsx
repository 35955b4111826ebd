import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor, within } from 'storybook/test'
import { checkoutPage, findCheckoutDialog } from './support/checkout-page'
import { ProductCard } from './support/product-card'
import { storyStrings } from './support/story-strings'
import { mockCheckoutText } from './support/mock-checkout-strings'
import { zhTW } from '@payfect/react/locales/zh-TW'

/**
 * The whole purchase as a shopper meets it: a product card, the button, the
 * checkout in a modal, the outcome back on the card. Each story is an interaction
 * test (see the Interactions panel); run them all with
 * `pnpm exec vitest run --project 'storybook*'` (every story in light, dark, brand and zh-TW).
 */
const meta = {
  title: 'Flows/Checkout',
  component: ProductCard,
  args: { onSuccess: fn(), onCancel: fn(), onClose: fn(), onError: fn() },
  // Each flow plays on the docs page too, in a frame of its own: its modal takes over that frame, not the page.
  parameters: { layout: 'centered', docs: { story: { inline: false, height: '640px', autoplay: true } } },
} satisfies Meta<typeof ProductCard>

export default meta
type Story = StoryObj<typeof meta>

const dialogGone = (canvasElement: HTMLElement) =>
  waitFor(() => expect(within(canvasElement.ownerDocument.body).queryByRole('dialog')).toBeNull(), { timeout: 5000 })

/** The product card as a shopper first sees it. */
export const Storefront: Story = {}

/** Click → the modal opens on the checkout page → "Simulate payment" → the card says it is paid. */
export const PayInModal: Story = {
  play: async ({ args, canvas, canvasElement, userEvent, step, ...context }) => {
    const { messages, page: pageText } = storyStrings(context)
    const button = canvas.getByRole('button', { name: messages.payWithCrypto })
    await step('open the checkout', async () => {
      await userEvent.click(button)
      const dialog = await findCheckoutDialog(canvasElement)
      // It opens at the click, loading; the amount is in its description once the checkout exists.
      await waitFor(() => expect(dialog).toHaveAccessibleDescription(/20\.50 USDT/))
    })
    await step('pay on the hosted page', async () => {
      const page = await checkoutPage(canvasElement)
      // The page posts `checkout.complete` to the store, which closes the modal at once.
      await userEvent.click(page.getByRole('button', { name: pageText('Simulate payment') }))
    })
    await step('back on the store, paid', async () => {
      await dialogGone(canvasElement)
      await expect(await canvas.findByRole('status')).toHaveTextContent(messages.complete)
      await expect(button).toHaveAttribute('data-status', 'complete')
      await expect(canvas.getByText(/^Order paid: cs_mock_/)).toBeInTheDocument()
      // The page's message and the status poll both report it; the callback runs once.
      await expect(args.onSuccess).toHaveBeenCalledTimes(1)
    })
  },
}

/** "Cancel" on the hosted page: the modal closes, `onCancel` fires, the button is ready again. */
export const CancelInModal: Story = {
  play: async ({ args, canvas, canvasElement, userEvent, ...context }) => {
    const { messages, page: pageText } = storyStrings(context)
    const button = canvas.getByRole('button', { name: messages.payWithCrypto })
    await userEvent.click(button)
    const page = await checkoutPage(canvasElement)
    await userEvent.click(page.getByRole('button', { name: pageText('Cancel') }))
    await dialogGone(canvasElement)
    await expect(args.onCancel).toHaveBeenCalledTimes(1)
    await expect(button).toHaveAttribute('data-status', 'idle')
    await expect(canvas.getByText(/cart is saved/)).toBeInTheDocument()
  },
}

/** Closing the modal is not cancelling: a second click reopens the same, still-open checkout. */
export const CloseAndResume: Story = {
  play: async ({ args, canvas, canvasElement, userEvent, ...context }) => {
    const button = canvas.getByRole('button', { name: storyStrings(context).messages.payWithCrypto })
    await userEvent.click(button)
    await checkoutPage(canvasElement)
    const first = canvasElement.ownerDocument.querySelector('iframe')!.src
    await userEvent.keyboard('{Escape}')
    await dialogGone(canvasElement)
    await expect(args.onClose).toHaveBeenCalledTimes(1)
    await expect(button).toHaveAttribute('data-status', 'idle')

    await userEvent.click(button)
    await checkoutPage(canvasElement)
    await expect(canvasElement.ownerDocument.querySelector('iframe')!.src).toBe(first)
    await expect(args.onCancel).not.toHaveBeenCalled()
  },
}

/** The same purchase on a phone. */
export const OnAPhone: Story = {
  globals: { viewport: { value: 'phone', isRotated: false } },
}

/** The dark theme, pinned (the toolbar's Theme menu switches any story). */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
}

/** A merchant's brand through `--payfect-*` variables only: accent, radius and font. */
export const MerchantBrand: Story = {
  globals: { theme: 'brand' },
}

/** Traditional Chinese, pinned (the toolbar's Locale menu switches any story). */
export const TraditionalChinese: Story = {
  globals: { locale: 'zh-TW' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: zhTW.payWithCrypto }))
    const dialog = await findCheckoutDialog(canvasElement)
    await expect(dialog).toHaveAccessibleName(zhTW.modalTitle)
    await expect(await within(dialog).findByRole('button', { name: zhTW.openInNewWindow })).toBeInTheDocument()
    // The hosted page follows the locale too.
    const page = await checkoutPage(canvasElement)
    await expect(page.getByRole('button', { name: mockCheckoutText('Simulate payment', 'zh-TW') })).toBeInTheDocument()
  },
}
