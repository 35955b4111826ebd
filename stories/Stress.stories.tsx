import type { Meta, StoryObj } from '@storybook/react-vite'
import { CheckoutButton } from '@payfect/react'
import { expect, waitFor, within } from 'storybook/test'
import type { PayfectStoryParameters } from '../.storybook/decorators'
import { checkoutPage, findCheckoutDialog } from './support/checkout-page'
import { stress } from './support/stress-content'
import { storyStrings } from './support/story-strings'

/**
 * Content at its edges on a 320 px phone: 80-character names, twelve order lines, the
 * smallest and largest amounts. Each story opens the checkout and checks nothing runs off
 * the side: not the store's page, the modal, or the hosted page inside it.
 */
const meta = {
  title: 'Stress/Content',
  component: CheckoutButton,
  tags: ['!autodocs'],
  args: { items: [{ price: 'pro-plan' }] },
  globals: { viewport: { value: 'phoneSmall', isRotated: false } },
} satisfies Meta<typeof CheckoutButton>

export default meta
type Story = StoryObj<typeof meta>

const payfect = (parameters: PayfectStoryParameters) => ({ payfect: parameters })

/** Whether `document` scrolls sideways: content wider than its viewport. */
const overflowsSideways = (document: Document) => document.documentElement.scrollWidth > document.documentElement.clientWidth

/** Opens the checkout and checks the store, the modal and the hosted page for sideways overflow. */
async function openAndCheck(canvasElement: HTMLElement, userEvent: { click: (element: Element) => Promise<void> }) {
  const button = canvasElement.querySelector<HTMLElement>('[data-slot="checkout-button"]')!
  await expect(canvasElement.ownerDocument.documentElement.clientWidth, 'the phone viewport').toBe(320)
  await expect(overflowsSideways(canvasElement.ownerDocument), 'the store scrolls sideways').toBe(false)
  await expect(button.scrollWidth, 'the label overflows the button').toBeLessThanOrEqual(button.clientWidth)
  await userEvent.click(button)
  const dialog = await findCheckoutDialog(canvasElement)
  const page = await checkoutPage(canvasElement)
  // On a phone the modal is a full-width sheet.
  await waitFor(() => expect(dialog.getBoundingClientRect().width).toBe(canvasElement.ownerDocument.documentElement.clientWidth))
  await expect(dialog.scrollWidth, 'the modal overflows').toBeLessThanOrEqual(dialog.clientWidth)
  const frame = canvasElement.ownerDocument.querySelector<HTMLIFrameElement>('iframe[data-slot="checkout-frame"]')!
  await expect(overflowsSideways(frame.contentDocument!), 'the hosted page scrolls sideways').toBe(false)
  return { dialog, page }
}

/** An 80-character product name on the button (it wraps) and on the hosted page, from an 80-character merchant. */
export const LongNames: Story = {
  args: { items: [{ price: 'long-name' }], children: `Buy the ${stress.longProductName}` },
  parameters: payfect({ merchant: stress.longMerchantName }),
  play: async ({ canvasElement, userEvent }) => {
    await expect(stress.longProductName).toHaveLength(80)
    await expect(stress.longMerchantName).toHaveLength(80)
    const { page } = await openAndCheck(canvasElement, userEvent)
    await expect(page.getByRole('heading', { level: 1 })).toHaveTextContent(stress.longMerchantName)
    await expect(page.getByText(stress.longProductName)).toBeInTheDocument()
  },
}

/** Twelve order lines: the hosted page lists them all and the total is their sum (0.25 × 12 + 1 + … + 12 = 81.00). */
export const TwelveLineItems: Story = {
  args: { items: stress.lineItems.map((_, index) => ({ price: `line-${index + 1}` })) },
  play: async ({ canvasElement, userEvent }) => {
    const { dialog, page } = await openAndCheck(canvasElement, userEvent)
    await waitFor(() => expect(dialog).toHaveAccessibleDescription(/81\.00 USDT/))
    const list = page.getAllByRole('list').find((element) => element.classList.contains('pf-items'))!
    await expect(within(list).getAllByRole('listitem')).toHaveLength(12)
  },
}

/** The smallest amount, one cent. */
export const SmallestAmount: Story = {
  args: { items: [{ price: 'one-cent' }] },
  play: async ({ canvasElement, userEvent }) => {
    const { dialog } = await openAndCheck(canvasElement, userEvent)
    await waitFor(() => expect(dialog).toHaveAccessibleDescription(/0\.01 USDT/))
  },
}

/** A large amount, grouped in the locale's way, in the modal's description. */
export const LargestAmount: Story = {
  args: { items: [{ price: 'vault-plan' }] },
  play: async ({ canvasElement, userEvent, ...context }) => {
    const { locale } = storyStrings(context)
    const { dialog } = await openAndCheck(canvasElement, userEvent)
    // The locale's grouping of 99999999 (its own digits and separator), then the cents: no float on the way.
    const grouped = new Intl.NumberFormat(locale).format(99_999_999)
    await waitFor(() => expect(dialog).toHaveAccessibleDescription(new RegExp(`${grouped.replace(/[^\d]/g, '\\D?')}\\D99 USDT`)))
  },
}
