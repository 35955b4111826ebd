import type { ThemeName } from '../../.storybook/themes'
import './states.css'

/** The modal's states, each the CheckoutModal story of that name (its id), playing in its own frame. */
const modalStates: ReadonlyArray<readonly [state: string, story: string]> = [
  ['creating', 'loading'],
  ['open', 'open'],
  ['hover / focus-visible', 'control-states'],
  ['confirming', 'confirming'],
  ['pending', 'pending'],
  ['paid', 'complete'],
  ['expired', 'expired'],
  ['resumed (closed, reopened)', 'close-with-escape'],
]

const themes: ThemeName[] = ['light', 'dark', 'brand']

/** Storybook's own URL for one story alone, in a theme and locale: the same preview this page runs on. */
function storyUrl(story: string, theme: ThemeName, locale: string): string {
  const url = new URL('iframe.html', window.location.href)
  url.search = new URLSearchParams({ id: `components-checkoutmodal--${story}`, viewMode: 'story', globals: `theme:${theme};locale:${locale}` }).toString()
  return url.href
}

/**
 * A modal takes over its page (focus trap, scroll lock, the rest hidden from assistive tech), so
 * the gallery shows each state in a frame of its own rather than many modals on one page.
 */
export function ModalStates({ locale }: { locale: string }) {
  return (
    <div className="sb-states">
      {themes.map((theme) => (
        <section key={theme} className="sb-states__row sb-states__row--frames" aria-label={theme}>
          <h3 className="sb-states__theme">{theme}</h3>
          <div className="sb-states__frames">
            {modalStates.map(([state, story]) => (
              <figure key={state} className="sb-state-frame">
                <figcaption className="sb-state-cell__name">{state}</figcaption>
                {/* Storybook's own preview, same origin: a sandbox would only break the mock hosted page inside it. */}
                {/* oxlint-disable-next-line react/iframe-missing-sandbox */}
                <iframe title={`CheckoutModal, ${state}, ${theme}`} src={storyUrl(story, theme, locale)} loading="lazy" />
              </figure>
            ))}
          </div>
        </section>
      ))}
    </div>
  )
}
