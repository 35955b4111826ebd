import css from '@payfect/react/styles.css?raw'

/** One `--payfect-*` custom property of `@payfect/react/styles.css`, per scheme. */
export interface CssVariable {
  name: string
  /** The value in the light scheme (`:root`-level rules). */
  light?: string
  /** The value in the dark scheme (`[data-theme="dark"]` or `prefers-color-scheme: dark`), when it differs. */
  dark?: string
  /** The comment written beside the declaration, if any. */
  note?: string
}

/** What each variable styles, for the table (the stylesheet itself has no per-variable comments). */
const notes: Record<string, string> = {
  '--payfect-color-accent': 'Button background, links, the loading spinner',
  '--payfect-color-accent-hover': 'Button background on hover',
  '--payfect-color-accent-contrast': 'Text on the accent (the button label) and the focused button\'s inset line; set it with the accent',
  '--payfect-color-surface': 'The modal card behind its header and footer (the hosted page paints the middle); in dark, the hosted page\'s own background, so they meet without a seam',
  '--payfect-color-surface-muted': 'Behind the checkout frame while it loads; close button hover',
  '--payfect-color-text': 'Modal text',
  '--payfect-color-text-muted': 'Modal description, loading text, close icon',
  '--payfect-color-border': 'Modal header and footer rules',
  '--payfect-color-danger': 'Error and expiry alert text and border',
  '--payfect-color-danger-surface': 'Error and expiry alert background',
  '--payfect-color-success': 'The paid button and the "Payment received" message',
  '--payfect-color-focus': 'Focus rings: an opaque outline 2px outside each part, at least 3:1 against the page, modal and alert behind it',
  '--payfect-font': 'Font stack of every part (includes Traditional Chinese faces)',
  '--payfect-font-size': 'Base font size of the button and modal',
  '--payfect-font-weight-strong': 'Button label, modal title, retry',
  '--payfect-radius': 'Alerts',
  '--payfect-radius-button': 'The button',
  '--payfect-radius-modal': 'The modal card (0 as a sheet on phones)',
  '--payfect-space-1': 'Spacing scale, smallest',
  '--payfect-space-2': 'Spacing scale',
  '--payfect-space-3': 'Spacing scale',
  '--payfect-space-4': 'Spacing scale',
  '--payfect-space-5': 'Spacing scale, largest',
  '--payfect-overlay': 'The dimmed page behind the modal',
  '--payfect-overlay-blur': 'Backdrop blur behind the modal, a length (off unless set, e.g. 6px; costly on phones)',
  '--payfect-shadow-button': 'Button shadow',
  '--payfect-shadow-modal': 'Modal shadow',
  '--payfect-modal-width': 'Modal width on larger screens',
  '--payfect-modal-height': 'Modal height on larger screens',
  '--payfect-z-index': 'Stacking of the overlay (the modal is one above)',
  '--payfect-duration': 'Transition and animation length',
  '--payfect-ease': 'Transition and animation easing',
}

const isDark = (context: string) => /prefers-color-scheme:\s*dark|data-theme=["']?dark/.test(context)

/**
 * Reads every `--payfect-*` declaration from the stylesheet, so the Theming page
 * lists exactly what `styles.css` defines, never a stale copy.
 */
export function parseVariables(source: string = css): CssVariable[] {
  const found = new Map<string, CssVariable>()
  const stack: string[] = []
  let start = 0
  let pendingNote: string | undefined
  const text = source.replace(/\/\*([\s\S]*?)\*\//g, (_whole, note: string) => `/*${note.replace(/[{};]/g, ' ')}*/`)
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '{') {
      stack.push(text.slice(start, i).replace(/\/\*[\s\S]*?\*\//g, '').trim())
      start = i + 1
    } else if (ch === '}' || ch === ';') {
      const chunk = text.slice(start, i)
      const declaration = /(?:\/\*([\s\S]*?)\*\/\s*)?(--payfect-[\w-]+)\s*:\s*([^;]+)$/.exec(chunk.trim())
      if (declaration) {
        const [, note, name = '', value = ''] = declaration
        const entry = found.get(name) ?? { name }
        const context = stack.join(' ')
        if (isDark(context)) entry.dark ??= value.trim()
        else entry.light ??= value.trim()
        const cleaned = (note ?? pendingNote)?.trim()
        if (cleaned && !entry.note) entry.note = cleaned
        found.set(name, entry)
      }
      // A trailing comment on the same line describes the declaration before it.
      const after = /^\s*\/\*([\s\S]*?)\*\//.exec(text.slice(i + 1))
      pendingNote = undefined
      if (declaration && after && !after[0].includes('\n')) {
        const entry = found.get(declaration[2] ?? '')
        if (entry && !entry.note) entry.note = after[1]?.trim()
      }
      if (ch === '}') stack.pop()
      start = i + 1
    }
  }
  return [...found.values()].map((entry) => ({
    ...entry,
    dark: entry.dark === entry.light ? undefined : entry.dark,
    // What it styles, when written here; else the stylesheet's own comment (which often says why, not what).
    note: notes[entry.name] ?? entry.note,
  }))
}

/** `true` for a value a colour swatch can show (not a `var()` or a length). */
export function isColor(value: string | undefined): value is string {
  return !!value && /^(#[0-9a-f]{3,8}|rgba?\(|hsla?\(|oklch\(|oklab\(|color-mix\(|[a-z]+$)/i.test(value.trim()) && !/^\d/.test(value)
}

const cell = { padding: '8px 10px', borderBottom: '1px solid #e5e7eb', textAlign: 'left', verticalAlign: 'top' } as const

function Value({ value }: { value: string | undefined }) {
  if (!value) return <span style={{ color: '#6b7280' }}>same</span>
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      {isColor(value) && (
        <span
          aria-hidden="true"
          style={{ width: 16, height: 16, flex: 'none', borderRadius: 4, border: '1px solid rgb(0 0 0 / 0.2)', background: value }}
        />
      )}
      <code>{value}</code>
    </span>
  )
}

/** Every variable of the stylesheet with its light and dark values. */
export function VariableTable() {
  const variables = parseVariables()
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 14 }}>
      <caption style={{ textAlign: 'left', paddingBottom: 8 }}>{variables.length} custom properties in @payfect/react/styles.css</caption>
      <thead>
        <tr>
          <th style={cell}>Variable</th>
          <th style={cell}>Light</th>
          <th style={cell}>Dark</th>
          <th style={cell}>What it styles</th>
        </tr>
      </thead>
      <tbody>
        {variables.map((variable) => (
          <tr key={variable.name}>
            <td style={cell}>
              <code>{variable.name}</code>
            </td>
            <td style={cell}>
              <Value value={variable.light} />
            </td>
            <td style={cell}>
              <Value value={variable.dark} />
            </td>
            <td style={cell}>{variable.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
