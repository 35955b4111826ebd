import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { ContrastCheck } from './support/contrast-check'

/**
 * Every colour pair a shopper must tell apart, in Payfect's light and dark schemes and in
 * the brand example (light and dark), computed from `styles.css` and `.storybook/themes.ts`.
 * Text needs 4.5:1; a focus ring or a button's edge 3:1.
 */
const meta = {
  title: 'Theming/Contrast check',
  component: ContrastCheck,
  tags: ['!autodocs'],
  parameters: { layout: 'padded' },
} satisfies Meta<typeof ContrastCheck>

export default meta
type Story = StoryObj<typeof meta>

/** Fails when a default or a brand example drops below its minimum. */
export const AllSchemes: Story = {
  play: async ({ canvasElement }) => {
    const rows = [...canvasElement.querySelectorAll('tbody tr')]
    await expect(rows.length).toBeGreaterThan(0)
    const failing = rows.filter((row) => row.getAttribute('data-passes') !== 'true').map((row) => `${row.closest('table')?.dataset.scheme}: ${row.textContent}`)
    await expect(failing).toEqual([])
  },
}
