import type { Meta, StoryObj } from '@storybook/react-vite'
import { CheckoutButton, CheckoutModal, type Checkout } from '@payfect/react'
import { useState, type CSSProperties } from 'react'
import { expect } from 'storybook/test'
import { isColor, parseVariables } from './support/css-variables'
import { mockCheckout } from './support/mock-merchant'
import { brandDarkVariables, brandVariables } from '../.storybook/themes'

const variables = parseVariables()

type ThemeArgs = Record<string, string>

/**
 * Every `--payfect-*` variable as a control. The values apply to a wrapper, and the
 * modal is portalled into that wrapper (`container`), so both pick them up.
 */
function ThemePreview({ locale, ...args }: ThemeArgs & { locale?: string }) {
  const [container, setContainer] = useState<HTMLDivElement | null>(null)
  const [checkout] = useState<Checkout>(() => mockCheckout({ id: 'cs_mock_theme', locale }))
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
  // The hosted page follows the toolbar's locale; a new locale is a new checkout.
  render: (args, { globals }) => <ThemePreview key={String(globals.locale)} {...args} locale={String(globals.locale ?? 'en')} />,
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

/**
 * A merchant's brand (the Storybook "Mint & Co." example): a teal accent with its contrast colour
 * and focus ring, pill button, rounder modal and a serif font, nothing else. With the toolbar on
 * Dark, the brand's dark values are laid over the controls, as its stylesheet would.
 */
export const MerchantBrand: Story = {
  args: brandVariables,
  render: (args, { globals }) => (
    <ThemePreview key={String(globals.locale)} {...args} {...(globals.theme === 'dark' ? brandDarkVariables : {})} locale={String(globals.locale ?? 'en')} />
  ),
}
