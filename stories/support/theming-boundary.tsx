import type { CSSProperties, ReactNode } from 'react'

const yours: CSSProperties = { outline: '2px solid var(--payfect-color-accent)', outlineOffset: 3 }
const tag: CSSProperties = {
  display: 'inline-block',
  padding: '2px 8px',
  borderRadius: 999,
  background: 'var(--payfect-color-accent)',
  color: 'var(--payfect-color-accent-contrast)',
  fontSize: 12,
  fontWeight: 600,
  justifySelf: 'start',
}
const payfectTag: CSSProperties = { ...tag, background: '#1f2937', color: '#ffffff' }

function Label({ children, payfect = false }: { children: ReactNode; payfect?: boolean }) {
  return <span style={payfect ? payfectTag : tag}>{children}</span>
}

/**
 * A drawing of what `--payfect-*` reaches (outlined in the accent) and what stays Payfect's
 * (hatched): the button, its alert and the modal's chrome are yours to theme; the hosted page in
 * the frame, most of the modal, keeps Payfect's look.
 */
export function ThemingBoundary() {
  return (
    <figure
      aria-labelledby="theming-boundary-caption"
      style={{ margin: 0, display: 'grid', gap: 16, width: 'min(100%, 760px)', fontFamily: 'var(--payfect-font)', color: 'var(--payfect-color-text)' }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24, alignItems: 'start' }}>
        <div style={{ display: 'grid', gap: 10, width: 220 }}>
          <Label>Yours: the button</Label>
          <div style={{ ...yours, padding: '12px 20px', borderRadius: 'var(--payfect-radius-button)', background: 'var(--payfect-color-accent)', color: 'var(--payfect-color-accent-contrast)', fontWeight: 600, textAlign: 'center' }}>
            Button
          </div>
          <Label>Yours: its alert</Label>
          <div style={{ ...yours, padding: '8px 12px', borderRadius: 'var(--payfect-radius)', background: 'var(--payfect-color-danger-surface)', color: 'var(--payfect-color-danger)', fontSize: 14 }}>
            Alert and retry
          </div>
          <Label>Yours: the overlay</Label>
          <div style={{ ...yours, height: 32, borderRadius: 8, background: 'var(--payfect-overlay)' }} />
        </div>
        <div
          style={{
            ...yours,
            flex: '1 1 320px',
            minWidth: 280,
            display: 'grid',
            gridTemplateRows: 'auto 1fr auto',
            height: 420,
            overflow: 'hidden',
            borderRadius: 'var(--payfect-radius-modal)',
            background: 'var(--payfect-color-surface)',
            boxShadow: 'var(--payfect-shadow-modal)',
          }}
        >
          <div style={{ padding: '12px 16px', borderBottom: '1px solid var(--payfect-color-border)', display: 'grid', gap: 4 }}>
            <Label>Yours: the header</Label>
            <span style={{ fontWeight: 600 }}>Title, description, close</span>
          </div>
          <div
            style={{
              display: 'grid',
              placeItems: 'center',
              padding: 16,
              textAlign: 'center',
              background: 'repeating-linear-gradient(135deg, #e5e7eb 0 10px, #f3f4f6 10px 20px)',
              color: '#111827',
            }}
          >
            <div style={{ display: 'grid', gap: 8, maxWidth: 300, padding: 12, borderRadius: 8, background: '#ffffff' }}>
              <Label payfect>Payfect&apos;s: the hosted page</Label>
              <span style={{ fontSize: 14, lineHeight: 1.45 }}>
                About 80 % of the modal. Its colours, type and layout are Payfect&apos;s; no <code>--payfect-*</code> variable crosses the frame. It follows the
                shopper&apos;s system colour scheme, not your <code>data-theme</code>.
              </span>
            </div>
          </div>
          <div style={{ padding: '10px 16px', borderTop: '1px solid var(--payfect-color-border)', display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
            <Label>Yours: the footer</Label>
            <span style={{ color: 'var(--payfect-color-accent)', fontWeight: 500, fontSize: 14 }}>Open in a new tab</span>
          </div>
        </div>
      </div>
      <figcaption id="theming-boundary-caption" style={{ fontSize: 14, lineHeight: 1.5 }}>
        Outlined: what <code>--payfect-*</code> reaches (the button, the alert, the overlay, and the modal&apos;s card, header, footer and loading state).
        Hatched: the hosted checkout page inside the frame, which keeps Payfect&apos;s look.
      </figcaption>
    </figure>
  )
}
