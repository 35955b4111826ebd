import type { Meta, StoryObj } from '@storybook/react-vite'
import { CheckoutButton, CheckoutModal, PayfectProvider, type Checkout } from '@payfect/react'
import { useState, type CSSProperties, type ReactNode } from 'react'
import { expect, waitFor } from 'storybook/test'
import { brandDarkVariables, brandVariables, canvasBackground } from '../.storybook/themes'
import { mockCheckout } from './support/mock-merchant'
import { argsFromVariables, changedVariables, copyCss, themeControls } from './support/theme-controls'

const controls = themeControls()

type ThemeArgs = Record<string, unknown>

const never = () => new Promise<never>(() => {})
const failing = () => Promise.reject(new Error('the mock merchant server is down (this preview fails on purpose)'))

/** A provider whose merchant never answers or always fails, to hold a button in that state (no checkout exists, so no status is read). */
function Held({ behaviour, children }: { behaviour: 'creating' | 'error'; children: ReactNode }) {
  return (
    <PayfectProvider createCheckout={behaviour === 'creating' ? never : failing} getCheckout={never} checkoutOrigin={window.location.origin}>
      {children}
    </PayfectProvider>
  )
}

function State({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div style={{ display: 'grid', gap: 4, justifyItems: 'start' }}>
      <span style={{ fontSize: 12 }}>{name}</span>
      {children}
    </div>
  )
}

function Column({ scheme, variables, locale }: { scheme: 'light' | 'dark'; variables: Record<string, string>; locale: string }) {
  const [container, setContainer] = useState<HTMLDivElement | null>(null)
  const [checkout] = useState<Checkout>(() => mockCheckout({ id: `cs_mock_theme_${scheme}`, theme: scheme, locale }))
  const text = scheme === 'dark' ? '#f1f5f9' : '#0f172a'
  return (
    <section
      aria-label={scheme === 'dark' ? 'Dark' : 'Light'}
      data-theme={scheme}
      data-slot="theme-column"
      style={{ ...variables, display: 'grid', gap: 16, padding: 16, borderRadius: 12, background: canvasBackground[scheme], color: text, width: 540 } as CSSProperties}
    >
      <h2 style={{ margin: 0, fontSize: 14, fontWeight: 600 }}>{scheme === 'dark' ? 'Dark' : 'Light'}</h2>
      {/* Kept clickable while the modal preview beside it is open (Radix turns pointer events off around a modal). */}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'start', pointerEvents: 'auto' }}>
        <State name="Idle">
          <CheckoutButton items={[{ price: 'pro-plan' }]} />
        </State>
        <State name="Disabled">
          <CheckoutButton items={[{ price: 'pro-plan' }]} disabled />
        </State>
        <State name="Creating">
          <Held behaviour="creating">
            <CheckoutButton items={[{ price: 'pro-plan' }]} data-preview="creating" />
          </Held>
        </State>
        <State name="Error">
          <Held behaviour="error">
            <CheckoutButton items={[{ price: 'pro-plan' }]} data-preview="error" />
          </Held>
        </State>
      </div>
      {/* A transform makes this box the modal's containing block: the overlay and card stay inside it. */}
      <div ref={setContainer} data-slot="modal-preview" style={{ position: 'relative', height: 760, overflow: 'hidden', borderRadius: 12, transform: 'translateZ(0)' }}>
        {container && <CheckoutModal checkout={checkout} open container={container} />}
      </div>
    </section>
  )
}

/**
 * The button (idle, disabled, creating, error) beside the modal, in a light and a dark column,
 * with every `--payfect-*` variable as a control: colours once per scheme, lengths as ranges,
 * fonts as presets. "Copy CSS" holds exactly the variables changed.
 */
function ThemePlayground({ locale = 'en', ...args }: ThemeArgs & { locale?: string }) {
  const changed = changedVariables(args, controls)
  const shared = Object.fromEntries(Object.entries(changed.light).filter(([name]) => !controls.some((control) => control.scheme === 'light' && control.variable.name === name)))
  const css = copyCss(changed)
  const [copied, setCopied] = useState(false)
  return (
    <div style={{ display: 'grid', gap: 16, padding: 16 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }}>
        <Column scheme="light" variables={changed.light} locale={locale} />
        <Column scheme="dark" variables={{ ...shared, ...changed.dark }} locale={locale} />
      </div>
      <section aria-label="Copy CSS" style={{ display: 'grid', gap: 8, pointerEvents: 'auto', background: '#ffffff', color: '#0f172a', padding: 16, borderRadius: 12, maxWidth: 1096 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
          <h2 style={{ margin: 0, fontSize: 14, fontWeight: 600 }}>Copy CSS</h2>
          <button
            type="button"
            onClick={() => {
              void navigator.clipboard?.writeText(css).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }}
          >
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
        <pre data-slot="copy-css" style={{ margin: 0, padding: 12, borderRadius: 8, background: '#f5f6fa', overflowX: 'auto', fontSize: 13 }}>
          {css}
        </pre>
      </section>
    </div>
  )
}

const meta = {
  title: 'Theming/Live preview',
  component: ThemePlayground,
  tags: ['!autodocs'],
  argTypes: Object.fromEntries(controls.map((control) => [control.arg, control.inputType])),
  // The hosted page follows the toolbar's locale; a new locale is a new checkout.
  render: (args, { globals }) => <ThemePlayground key={String(globals.locale)} {...args} locale={String(globals.locale ?? 'en')} />,
  parameters: { layout: 'fullscreen', docs: { story: { inline: false, height: '1400px' } } },
} satisfies Meta<typeof ThemePlayground>

export default meta
type Story = StoryObj<typeof meta>

/** Holds the creating and error buttons in their states once the modals are up. */
async function showStates(canvasElement: HTMLElement, userEvent: { click: (element: Element) => Promise<void> }) {
  await waitFor(() => expect(canvasElement.querySelectorAll('[data-slot="checkout-modal"]')).toHaveLength(2))
  for (const button of canvasElement.querySelectorAll('[data-preview]')) await userEvent.click(button)
  await waitFor(() => expect(canvasElement.querySelectorAll('[data-slot="checkout-alert"]')).toHaveLength(2))
}

/** Change any variable in the Controls panel; both columns follow, and "Copy CSS" lists what changed. */
export const Playground: Story = {
  play: async ({ canvasElement, userEvent }) => {
    await showStates(canvasElement, userEvent)
    await expect(canvasElement.querySelector('[data-slot="copy-css"]')).toHaveTextContent('No variable changed yet')
  },
}

/**
 * A merchant's brand (the Storybook "Mint & Co." example): a teal accent with its contrast colour
 * and focus ring, a pill button, a rounder modal and a serif font, with its own dark values.
 */
export const MerchantBrand: Story = {
  args: argsFromVariables(brandVariables, brandDarkVariables, controls),
  play: async ({ canvasElement, userEvent }) => {
    await showStates(canvasElement, userEvent)
    const css = canvasElement.querySelector('[data-slot="copy-css"]')
    // Exactly what changed: the light label stays Payfect's white, so only the dark one is listed.
    await expect(css).toHaveTextContent('--payfect-color-accent: #0f766e;')
    await expect(css).toHaveTextContent('--payfect-color-accent-contrast: #042f2e;')
    await expect(css).not.toHaveTextContent('--payfect-color-accent-contrast: #ffffff;')
    const dark = canvasElement.querySelector<HTMLElement>('[data-theme="dark"][data-slot="theme-column"] [data-slot="checkout-button"]')!
    await expect(getComputedStyle(dark).backgroundColor).toBe('rgb(45, 212, 191)')
  },
}
