import type { StorybookConfig } from '@storybook/react-vite'

const config: StorybookConfig = {
  framework: {
    name: '@storybook/react-vite',
    // Storybook's own small Vite config, not the root one with its Vitest projects.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest', 'storybook-addon-pseudo-states'],
  // Serves `mock-checkout.html`, the stand-in for Payfect's hosted page, from Storybook's
  // own origin, so the embedded checkout works offline and its messages pass the origin check.
  staticDirs: ['../stories/public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: {
    // Reads the JSDoc on every prop of @payfect/react into the autodocs tables.
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      tsconfigPath: '.storybook/tsconfig.json',
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      // Keep the props a merchant sets; drop the hundreds inherited from React's DOM types.
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
}

export default config
