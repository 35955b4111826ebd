/// <reference types="@vitest/browser-playwright" />
// Storybook projects under Vitest only: lets a play function emulate a CSS media feature
// (forced colours) through Chromium's DevTools protocol, which Storybook's own UI cannot do.
import { cdp } from 'vitest/browser'

Object.assign(globalThis, {
  payfectEmulateMedia: async (features: { name: string; value: string }[]) => {
    await cdp().send('Emulation.setEmulatedMedia', { features })
  },
})
