import { STORY_RENDERED } from 'storybook/internal/core-events'
import { addons } from 'storybook/preview-api'

/**
 * storybook-addon-pseudo-states forces `:hover`, `:focus-visible` and `:active` by rewriting the
 * stylesheets when Storybook announces a render. Vitest's Storybook runner renders without that
 * announcement, so a play function that checks a forced state asks for the rewrite itself
 * (harmless in Storybook, where it has already happened).
 */
export async function rewriteForPseudoStates(): Promise<void> {
  addons.getChannel().emit(STORY_RENDERED)
  // The addon applies its classes on the next task.
  await new Promise((resolve) => setTimeout(resolve, 0))
}
