import type { Meta, StoryObj } from '@storybook/react-vite'
import { CheckoutButton, CheckoutModal, type Checkout } from '@payfect/react'
import { useState, type CSSProperties, type ReactNode } from 'react'
import { expect, waitFor } from 'storybook/test'
import { brandDarkVariables, brandVariables, canvasBackground } from '../.storybook/themes'
import { findCheckoutDialog } from './support/checkout-page'
import { describeFocusRing, measureFocusRing } from './support/focus-ring'
import { MerchantButton } from './support/merchant-button'
import { mockCheckout } from './support/mock-merchant'

/** A surface a Payfect part can sit on: the page in each theme, a dark store card, the brand example. */
interface Surface {
  name: string
  theme: 'light' | 'dark'
  background: string
  variables?: Record<string, string>
}

const surfaces: Surface[] = [
  { name: 'Light page', theme: 'light', background: canvasBackground.light },
  { name: 'Dark page', theme: 'dark', background: canvasBackground.dark },
  { name: 'Dark store card', theme: 'dark', background: '#131824' },
  { name: 'Brand page', theme: 'light', background: canvasBackground.brand, variables: brandVariables },
  { name: 'Brand, dark page', theme: 'dark', background: canvasBackground.dark, variables: { ...brandVariables, ...brandDarkVariables } },
]

function SurfacePanel({ surface, children, style }: { surface: Surface; children: ReactNode; style?: CSSProperties }) {
  return (
    <section
      aria-label={surface.name}
      data-theme={surface.theme}
      style={{ ...surface.variables, background: surface.background, padding: 20, borderRadius: 12, display: 'grid', gap: 12, justifyItems: 'start', ...style } as CSSProperties}
    >
      {children}
    </section>
  )
}

/** Every focusable part of the button, on every surface: Tab through them to see the rings. */
function ButtonsOnEverySurface() {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: 12, width: 'min(100%, 1200px)' }}>
      {surfaces.map((surface) => (
        <SurfacePanel key={surface.name} surface={surface}>
          <CheckoutButton items={[{ price: 'pro-plan' }]} />
          <CheckoutButton items={[{ price: 'pro-plan' }]} asChild>
            <MerchantButton>Checkout with USDT</MerchantButton>
          </CheckoutButton>
        </SurfacePanel>
      ))}
    </div>
  )
}

/**
 * The focus ring is an opaque `outline` 2px outside the part, so it is drawn on the
 * surface around the part and an `asChild` element keeps it; a Payfect button adds an
 * inset line in its label colour. These stories Tab to every part and measure the
 * ring from computed colours: at least 3:1 (WCAG 2.2, non-text contrast) everywhere.
 */
const meta = {
  title: 'Accessibility/Focus rings',
  component: ButtonsOnEverySurface,
  tags: ['!autodocs'],
  parameters: { layout: 'padded', payfect: { behaviour: 'always', delayMs: 10 } },
} satisfies Meta<typeof ButtonsOnEverySurface>

export default meta
type Story = StoryObj<typeof meta>

/** Tabs until `element` has focus (keyboard focus, so `:focus-visible` applies), at most `limit` presses. */
async function tabTo(element: Element, userEvent: { tab: (options?: { shift?: boolean }) => Promise<void> }, shift = false, limit = 40) {
  for (let press = 0; press < limit && element.ownerDocument.activeElement !== element; press++) await userEvent.tab({ shift })
  await expect(element).toHaveFocus()
  await expect(element.matches(':focus-visible')).toBe(true)
}

/** The button, the merchant's own button (`asChild`) and the error alert's retry, on every surface. */
export const ButtonAndAlert: Story = {
  play: async ({ canvasElement, userEvent, step }) => {
    const buttons = [...canvasElement.querySelectorAll<HTMLElement>('[data-slot="checkout-button"]')]
    await expect(buttons).toHaveLength(surfaces.length * 2)
    await step('every checkout fails, so every button shows its alert and retry', async () => {
      for (const button of buttons) await userEvent.click(button)
      await waitFor(() => expect(canvasElement.querySelectorAll('[data-slot="checkout-retry"]')).toHaveLength(buttons.length))
    })
    const parts = [...canvasElement.querySelectorAll<HTMLElement>('[data-slot="checkout-button"], [data-slot="checkout-retry"]')]
    for (const part of parts) {
      const surface = part.closest('section')?.getAttribute('aria-label')
      const what = `${surface}, ${part.dataset.slot}${part.classList.contains('merchant-button') ? ' (asChild)' : ''}`
      await step(what, async () => {
        await tabTo(part, userEvent)
        const measure = measureFocusRing(part)
        const account = describeFocusRing(what, measure)
        await expect(measure.problem, account).toBeUndefined()
        await expect(measure.ratio, account).toBeGreaterThanOrEqual(3)
        // A Payfect button (not a merchant's own element) also marks focus on its own colour.
        if (part.dataset.slot === 'checkout-button' && !part.classList.contains('merchant-button')) {
          await expect(measure.insetRatio, account).toBeGreaterThanOrEqual(3)
        }
      })
    }
  },
}

function ModalOnSurface({ surface }: { surface: Surface }) {
  const [container, setContainer] = useState<HTMLElement | null>(null)
  const [checkout] = useState<Checkout>(() => mockCheckout({ id: `cs_mock_focus_${surface.theme}`, theme: surface.theme }))
  return (
    // The modal is portalled into this themed box, so the surface's variables reach it.
    <div
      ref={setContainer}
      aria-label={surface.name}
      data-theme={surface.theme}
      style={{ ...surface.variables, background: surface.background, minHeight: 640 } as CSSProperties}
    >
      {container && <CheckoutModal checkout={checkout} defaultOpen container={container} />}
    </div>
  )
}

function modalStory(surface: Surface): Story {
  return {
    parameters: { layout: 'fullscreen', payfect: {} },
    render: () => <ModalOnSurface surface={surface} />,
    play: async ({ canvasElement, userEvent }) => {
      const dialog = await findCheckoutDialog(canvasElement)
      const close = dialog.querySelector<HTMLElement>('[data-slot="checkout-close"]')!
      // "Open in a new window" sits beside the close button, outside the frame.
      const link = await waitFor(() => dialog.querySelector<HTMLElement>('[data-slot="checkout-open-window"]') ?? Promise.reject(new Error('no checkout-open-window')))
      // Tab enters the trap at the close button; Shift+Tab from there wraps to the footer link.
      await tabTo(close, userEvent)
      for (const [what, part] of [
        ['close button', close],
        ['new-window control', link],
      ] as const) {
        if (part === link) await tabTo(link, userEvent, true)
        const measure = measureFocusRing(part)
        const account = describeFocusRing(`${surface.name} modal, ${what}`, measure)
        await expect(measure.problem, account).toBeUndefined()
        await expect(measure.ratio, account).toBeGreaterThanOrEqual(3)
      }
    },
  }
}

const surfaceNamed = (name: string) => surfaces.find((surface) => surface.name === name)!

/** The modal's close button and new-tab link on the light modal surface. */
export const ModalLight: Story = modalStory(surfaceNamed('Light page'))
/** On the dark modal surface. */
export const ModalDark: Story = modalStory(surfaceNamed('Dark page'))
/** With the brand example's variables. */
export const ModalBrand: Story = modalStory(surfaceNamed('Brand page'))
/** With the brand example's dark variables. */
export const ModalBrandDark: Story = modalStory(surfaceNamed('Brand, dark page'))

/** Emulates a CSS media feature where the runner can (Vitest's Chromium, see .storybook/vitest.setup.ts). */
type EmulateMedia = (features: { name: string; value: string }[]) => Promise<void>
const emulateMedia = (globalThis as { payfectEmulateMedia?: EmulateMedia }).payfectEmulateMedia

/**
 * Windows high contrast (forced colours) drops backgrounds and shadows: the button keeps an
 * edge (a border) and focus shows in the system's Highlight colour. In Storybook's own UI, see
 * it with DevTools → Rendering → "Emulate CSS media feature forced-colors"; under Vitest the
 * play function emulates it and measures.
 */
export const ForcedColors: Story = {
  render: () => (
    <SurfacePanel surface={surfaces[0]!}>
      <CheckoutButton items={[{ price: 'pro-plan' }]} />
      <CheckoutButton items={[{ price: 'pro-plan' }]} asChild>
        <MerchantButton>Checkout with USDT</MerchantButton>
      </CheckoutButton>
    </SurfacePanel>
  ),
  play: async ({ canvasElement, userEvent }) => {
    if (!emulateMedia) return
    await emulateMedia([{ name: 'forced-colors', value: 'active' }])
    try {
      await expect(window.matchMedia('(forced-colors: active)').matches).toBe(true)
      for (const button of canvasElement.querySelectorAll<HTMLElement>('[data-slot="checkout-button"]')) {
        const style = getComputedStyle(button)
        await expect(style.borderTopStyle, 'the button keeps an edge').toBe('solid')
        await expect(parseFloat(style.borderTopWidth)).toBeGreaterThanOrEqual(1)
        await tabTo(button, userEvent)
        const focused = getComputedStyle(button)
        await expect(focused.outlineStyle, 'focus shows as an outline').toBe('solid')
        await expect(parseFloat(focused.outlineWidth)).toBeGreaterThanOrEqual(2)
      }
    } finally {
      await emulateMedia([])
    }
  },
}
