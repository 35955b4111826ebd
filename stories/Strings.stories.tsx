import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { StringsTable } from './support/strings-table'

/** Every message `@payfect/react` shows, in each locale, where it appears and its length limit. */
const meta = {
  title: 'Strings/Every message',
  component: StringsTable,
  tags: ['!autodocs'],
  parameters: { layout: 'padded' },
} satisfies Meta<typeof StringsTable>

export default meta
type Story = StoryObj<typeof meta>

/** Fails when a message has no placement, is missing in a locale, or is over its limit. */
export const AllLocales: Story = {
  play: async ({ canvasElement }) => {
    const rows = [...canvasElement.querySelectorAll<HTMLElement>('tbody tr')]
    await expect(rows.length).toBeGreaterThan(0)
    await expect(rows.filter((row) => row.dataset.fits !== 'true').map((row) => row.dataset.key)).toEqual([])
  },
}
