import type { Meta, StoryObj } from '@storybook/react-vite'
import { ThemingBoundary } from './support/theming-boundary'

/** What `--payfect-*` reaches and what stays Payfect's, drawn in the toolbar's theme. */
const meta = {
  title: 'Theming/Boundary',
  component: ThemingBoundary,
  tags: ['!autodocs'],
} satisfies Meta<typeof ThemingBoundary>

export default meta
type Story = StoryObj<typeof meta>

/** Switch the toolbar's Theme: the outlined parts follow, the hatched page does not. */
export const Drawing: Story = {}
