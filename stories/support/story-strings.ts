import { en, type PayfectMessages } from '@payfect/react'
import { zhTW } from '@payfect/react/locales/zh-TW'
import type { PayfectStoryParameters } from '../../.storybook/decorators'
import { mockCheckoutText } from './mock-checkout-strings'

/** The built-in strings of every locale the toolbar offers. */
export const localeMessages: Record<string, PayfectMessages> = { en, 'zh-TW': zhTW }

/** What a play function reads from its context. */
interface StoryContextLike {
  globals: Record<string, unknown>
  parameters: Record<string, unknown>
}

/**
 * The strings a story shows in the toolbar's locale, the way `withPayfect` hands them to the
 * provider (the locale's messages with the story's `parameters.payfect.messages` over them), and
 * `page()` for the mock hosted page's text: play functions find parts by these, never by English.
 */
export function storyStrings({ globals, parameters }: StoryContextLike) {
  const locale = typeof globals.locale === 'string' ? globals.locale : 'en'
  const overrides = (parameters.payfect as PayfectStoryParameters | undefined)?.messages
  const messages: PayfectMessages = { ...(localeMessages[locale] ?? en), ...overrides }
  return { locale, messages, page: (english: string) => mockCheckoutText(english, locale) }
}
