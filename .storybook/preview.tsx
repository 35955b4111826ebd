import type { Preview } from '@storybook/react-vite'
import '@payfect/react/styles.css'
import './preview.css'
import { withPayfect, withTheme } from './decorators'
import { tsdocDefaults } from './tsdoc-defaults'
import { viewports } from './viewports'

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withPayfect, withTheme],
  argTypesEnhancers: [tsdocDefaults],
  globalTypes: {
    theme: {
      description: 'Payfect theme: light, dark, or a merchant brand through --payfect-* variables',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'brand', title: 'Merchant brand', icon: 'heart' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'The PayfectProvider locale',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English (en)', right: 'EN' },
          { value: 'zh-TW', title: '繁體中文 (zh-TW)', right: '中' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  parameters: {
    layout: 'centered',
    viewport: { options: viewports },
    controls: { expanded: true, sort: 'requiredFirst' },
    // Every story must have zero axe violations: a violation fails `vitest --project storybook`.
    a11y: { test: 'error' },
    docs: { codePanel: true },
  },
}

export default preview
