import type { Meta, StoryObj } from '@storybook/react-vite'
import { CheckoutButton, CheckoutModal, type Checkout } from '@payfect/react'
import { useState, type CSSProperties } from 'react'
import { expect } from 'storybook/test'
import { isColor, parseVariables } from './support/css-variables'
import { mockCheckout } from './support/mock-merchant'

const variables = parseVariables()

type ThemeArgs = Record<string, string>

/**
 * Every `--payfect-*` variable as a control. The values apply to a wrapper, and the
 * modal is portalled into that wrapper (`container`), so both pick them up.
 */
function ThemePreview(args: ThemeArgs) {
  const [container, setContainer] = useState<HTMLDivElement | null>(null)
  const [checkout] = useState<Checkout>(() => mockCheckout({ id: 'cs_mock_theme' }))
  const style = Object.fromEntries(Object.entries(args).filter(([name, value]) => name.startsWith('--payfect-') && value)) as CSSProperties
  return (
    <div ref={setContainer} style={{ ...style, display: 'grid', gap: 12, justifyItems: 'center', minHeight: 560 }}>
      <CheckoutButton items={[{ price: 'pro-plan' }]} />
      {container && <CheckoutModal checkout={checkout} defaultOpen container={container} />}
    </div>
  )
}

const meta = {
  title: 'Theming/Live preview',
  component: ThemePreview,
  tags: ['!autodocs'],
  argTypes: Object.fromEntries(
    variables.map((variable) => [
      variable.name,
      {
        control: isColor(variable.light) ? 'color' : 'text',
        description: variable.note,
        table: { category: 'CSS variables', defaultValue: { summary: variable.light ?? '' } },
      },
    ]),
  ),
  parameters: { layout: 'fullscreen', docs: { story: { inline: false, height: '640px' } } },
} satisfies Meta<typeof ThemePreview>

export default meta
type Story = StoryObj<typeof meta>

/** Change any variable in the Controls panel; the button and the open modal follow. */
export const Playground: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('dialog')).toBeInTheDocument()
  },
}

/** A merchant's brand: a teal accent, pill button, rounder modal and a serif font, nothing else. */
export const MerchantBrand: Story = {
  args: {
    '--payfect-color-accent': '#0f766e',
    '--payfect-color-accent-hover': '#115e59',
    '--payfect-radius-button': '999px',
    '--payfect-radius-modal': '28px',
    '--payfect-font': 'Georgia, "Times New Roman", serif',
  },
}
