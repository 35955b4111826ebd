import { en, type PayfectMessages } from '@payfect/react'
import { localeMessages } from './story-strings'

/** Where a message shows, and the most characters it may take there (in any locale). */
interface Placement {
  where: string
  /** Characters, counted as code points; a CJK character counts as one, though it is about twice as wide. */
  limit: number
  why: string
}

/**
 * Every message of `PayfectMessages` (keys read from `en` at runtime, so a new key shows up here
 * unplaced until it is given a row): where it appears and its length limit.
 */
export const placements: Record<keyof PayfectMessages, Placement> = {
  payWithCrypto: { where: 'Button label (`checkout-button-label`) when the button has no children', limit: 24, why: 'one line in a full-width button on a 320 px phone' },
  creating: { where: 'Announced by the button while creating (visually hidden)', limit: 60, why: 'a short announcement' },
  modalTitle: { where: 'Modal heading (`checkout-header`), the dialog’s accessible name', limit: 32, why: 'one line beside the close button at 320 px' },
  modalDescription: { where: 'Modal description under the heading; `{amount}` is the formatted total', limit: 110, why: 'two lines in the header at 320 px, with the amount' },
  modalDescriptionNoAmount: { where: 'Modal description before the amount is known', limit: 110, why: 'as modalDescription' },
  loading: { where: 'Loading state in the modal body (`checkout-loading`)', limit: 48, why: 'one or two centred lines' },
  frameTitle: { where: '`title` of the checkout iframe (`checkout-frame`), read by screen readers', limit: 40, why: 'a short frame name' },
  openInNewWindow: { where: 'Fallback control beside the close button, outside the frame', limit: 32, why: 'one line in the header at 320 px' },
  readyTimeout: { where: 'Modal body when `readyTimeoutMs` passes with no sign of the page', limit: 120, why: 'two or three centred lines' },
  confirmingTitle: { where: 'Modal heading while the route confirms a success landing', limit: 32, why: 'as modalTitle' },
  confirming: { where: 'Button and modal while confirming (`data-status="confirming"`)', limit: 40, why: 'one line in the button' },
  pendingTitle: { where: 'Modal heading once confirming ran out (`data-status="pending"`)', limit: 32, why: 'as modalTitle' },
  pending: { where: 'Modal body and status note while the payment is pending', limit: 160, why: 'three lines at 320 px' },
  completeTitle: { where: 'Modal heading once the route says complete', limit: 32, why: 'as modalTitle' },
  close: { where: 'Accessible name of the close button (`checkout-close`)', limit: 32, why: 'a short button name' },
  error: { where: 'Alert under the button when creating failed (`checkout-alert`)', limit: 90, why: 'wraps at the button’s width; three lines at most' },
  expired: { where: 'Alert under the button when the checkout expired (`checkout-alert`)', limit: 90, why: 'as error' },
  retry: { where: 'Retry button in the alert (`checkout-retry`)', limit: 20, why: 'never wraps (white-space: nowrap)' },
  complete: { where: 'Announced once paid (`checkout-complete`, visually hidden)', limit: 60, why: 'a short announcement' },
  paid: { where: 'Button label once paid, after a check icon', limit: 16, why: 'fits the button’s idle width' },
}

const length = (text: string) => [...text].length

/** Every row of the table: the key, each locale's text and length, and whether it fits. */
export function stringRows() {
  return (Object.keys(en) as (keyof PayfectMessages)[]).map((key) => {
    const placement = placements[key] as Placement | undefined
    const texts = Object.entries(localeMessages).map(([locale, messages]) => ({ locale, text: messages[key], length: length(messages[key] ?? '') }))
    const fits = placement !== undefined && texts.every((entry) => entry.text !== undefined && entry.length <= placement.limit)
    return { key, placement, texts, fits }
  })
}

const cell = { padding: '6px 10px', borderBottom: '1px solid #e5e7eb', textAlign: 'left', verticalAlign: 'top' } as const

/** The strings page's table. */
export function StringsTable() {
  const locales = Object.keys(localeMessages)
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 14, color: '#111827', background: '#ffffff' }}>
      <caption style={{ textAlign: 'left', paddingBottom: 8 }}>
        {Object.keys(en).length} messages in {locales.length} locales ({locales.join(', ')})
      </caption>
      <thead>
        <tr>
          <th style={cell}>Key</th>
          <th style={cell}>Where it appears</th>
          {locales.map((locale) => (
            <th key={locale} style={cell}>
              {locale}
            </th>
          ))}
          <th style={cell}>Limit</th>
        </tr>
      </thead>
      <tbody>
        {stringRows().map((row) => (
          <tr key={row.key} data-key={row.key} data-fits={row.fits}>
            <td style={cell}>
              <code>{row.key}</code>
            </td>
            <td style={cell}>{row.placement?.where ?? 'Not placed yet: add it to placements in stories/support/strings-table.tsx'}</td>
            {row.texts.map((entry) => (
              <td key={entry.locale} style={cell} lang={entry.locale}>
                {entry.text ?? <em>missing</em>} <span style={{ color: '#4b5563' }}>({entry.length})</span>
              </td>
            ))}
            <td style={{ ...cell, color: row.fits ? '#111827' : '#b42318', fontWeight: row.fits ? 400 : 600 }}>
              {row.placement ? `${row.placement.limit} characters: ${row.placement.why}` : '—'}
              {row.fits ? '' : ' (over the limit)'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
