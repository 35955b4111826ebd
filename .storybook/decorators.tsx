import type { Decorator } from '@storybook/react-vite'
import { useEffect, useLayoutEffect, useState, type ReactNode } from 'react'
import { PayfectProvider, type PayfectMessages } from '@payfect/react'
import { zhTW } from '@payfect/react/locales/zh-TW'
import { createMockMerchant, type MockMerchantOptions } from '../stories/support/mock-merchant'
import { brandVariables, canvasBackground, themeAttributes, type ThemeName } from './themes'

/** What a story may set under `parameters.payfect`. */
export interface PayfectStoryParameters extends MockMerchantOptions {
  /** `false` when the story renders its own `<PayfectProvider>`. */
  provider?: boolean
  /** Passed to the provider's `messages`. */
  messages?: Partial<PayfectMessages>
  /** The provider's `pollInterval`. @defaultValue 1000 */
  pollInterval?: number
}

function ThemeFrame({ theme, viewMode, children }: { theme: ThemeName; viewMode: string; children: ReactNode }) {
  const attributes = themeAttributes(theme)
  // Radix portals the modal to <body>, outside this wrapper, so the theme goes on <html> too.
  useLayoutEffect(() => {
    const root = document.documentElement
    root.dataset.theme = themeAttributes(theme)['data-theme']
    for (const [name, value] of Object.entries(brandVariables)) {
      if (theme === 'brand') root.style.setProperty(name, value)
      else root.style.removeProperty(name)
    }
    // Only a lone story owns the page; on a docs page each story paints its own box.
    document.body.style.background = viewMode === 'story' ? canvasBackground[theme] : ''
  }, [theme, viewMode])
  return (
    <div className="sb-payfect-canvas" {...attributes} style={{ ...attributes.style, background: canvasBackground[theme] }}>
      {children}
    </div>
  )
}

/** Toolbar "Theme" → `data-theme` and `--payfect-*` variables around the story. */
export const withTheme: Decorator = (Story, context) => (
  <ThemeFrame theme={(context.globals.theme as ThemeName | undefined) ?? 'light'} viewMode={context.viewMode}>
    <Story />
  </ThemeFrame>
)

interface MockProviderProps {
  locale: string
  options: PayfectStoryParameters
  /** A lone story sets the page's `lang`; a docs page holds stories in several languages. */
  ownsPage: boolean
  children: ReactNode
}

function MockProvider({ locale, options, ownsPage, children }: MockProviderProps) {
  // One mock merchant per mounted story: its checkouts live as long as the story does.
  const [merchant] = useState(() => createMockMerchant({ locale, ...options }))
  useEffect(() => () => merchant.dispose(), [merchant])
  useLayoutEffect(() => {
    if (ownsPage) document.documentElement.lang = locale
  }, [locale, ownsPage])
  return (
    <PayfectProvider
      locale={locale}
      // The toolbar's Locale menu: zh-TW's strings are their own entry, passed as messages.
      messages={locale === 'zh-TW' ? { ...zhTW, ...options.messages } : options.messages}
      createCheckout={merchant.createCheckout}
      getCheckout={merchant.getCheckout}
      // Preconnect to Storybook itself, never to buy.payfect.finance: stories run offline.
      checkoutOrigin={window.location.origin}
      pollInterval={options.pollInterval ?? 1000}
    >
      {children}
    </PayfectProvider>
  )
}

/** Wraps every story in a `PayfectProvider` whose merchant endpoint is mocked in the browser. */
export const withPayfect: Decorator = (Story, context) => {
  const options = (context.parameters.payfect ?? {}) as PayfectStoryParameters
  if (options.provider === false) return <Story />
  return (
    <MockProvider
      key={`${context.id}:${String(context.globals.locale)}`}
      locale={(context.globals.locale as string | undefined) ?? 'en'}
      options={options}
      ownsPage={context.viewMode === 'story'}
    >
      <Story />
    </MockProvider>
  )
}
