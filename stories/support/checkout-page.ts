import { expect, waitFor, within } from 'storybook/test'

/**
 * The mock hosted page inside the modal's iframe. It is served by Storybook itself,
 * so the story may reach into its document the way a shopper's clicks would.
 */
export async function checkoutPage(canvasElement: HTMLElement) {
  const document = canvasElement.ownerDocument
  const frame = await waitFor(
    () => {
      const found = document.querySelector<HTMLIFrameElement>('iframe[data-slot="checkout-frame"]')
      expect(found?.contentDocument?.querySelector('[data-action="pay"]')).toBeTruthy()
      return found!
    },
    { timeout: 5000 },
  )
  return within(frame.contentDocument!.body)
}

/** The modal, which Radix portals to `<body>`, outside the story's own root. */
export async function findCheckoutDialog(canvasElement: HTMLElement) {
  return within(canvasElement.ownerDocument.body).findByRole('dialog', {}, { timeout: 5000 })
}
