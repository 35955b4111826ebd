import { defineConfig, defaultClientConditions } from 'vite'

// Stories import @payfect/react from its TypeScript source, like the tests do, so
// Storybook never needs a build of the packages first.
export default defineConfig({
  resolve: { conditions: ['@payfect/source', ...defaultClientConditions] },
})
