import { brandDarkVariables, brandVariables, canvasBackground } from '../../.storybook/themes'
import { composite, contrastRatio, formatRatio, parseColor } from './contrast'
import { parseVariables } from './css-variables'

/** A set of `--payfect-*` values as a shop would end up with them, and the page they sit on. */
export interface ContrastScheme {
  name: string
  page: string
  values: Record<string, string>
}

/** One pair a shopper must tell apart: text needs 4.5:1, a focus ring or an edge 3:1 (WCAG 2.2, 1.4.3 and 1.4.11). */
interface Pair {
  what: string
  foreground: string
  /** A variable name, or `page` for the page behind the part. */
  background: string
  minimum: number
}

const pairs: Pair[] = [
  { what: 'Button label on the button', foreground: '--payfect-color-accent-contrast', background: '--payfect-color-accent', minimum: 4.5 },
  { what: 'Button label on hover', foreground: '--payfect-color-accent-contrast', background: '--payfect-color-accent-hover', minimum: 4.5 },
  { what: '"Paid" label', foreground: '--payfect-color-accent-contrast', background: '--payfect-color-success', minimum: 4.5 },
  { what: 'Button against the page', foreground: '--payfect-color-accent', background: 'page', minimum: 3 },
  { what: 'Focus ring on the page', foreground: '--payfect-color-focus', background: 'page', minimum: 3 },
  { what: 'Focus ring on the modal', foreground: '--payfect-color-focus', background: '--payfect-color-surface', minimum: 3 },
  { what: 'Focus ring on the alert', foreground: '--payfect-color-focus', background: '--payfect-color-danger-surface', minimum: 3 },
  { what: 'Alert text', foreground: '--payfect-color-danger', background: '--payfect-color-danger-surface', minimum: 4.5 },
  { what: 'Link in the modal footer', foreground: '--payfect-color-accent', background: '--payfect-color-surface', minimum: 4.5 },
  { what: 'Modal description', foreground: '--payfect-color-text-muted', background: '--payfect-color-surface', minimum: 4.5 },
]

function defaults(scheme: 'light' | 'dark'): Record<string, string> {
  const values: Record<string, string> = {}
  for (const variable of parseVariables()) {
    const value = scheme === 'dark' ? (variable.dark ?? variable.light) : variable.light
    if (value) values[variable.name] = value
  }
  return values
}

/** Payfect's two schemes and the Storybook brand example in both, as the Theme toolbar shows them. */
export function contrastSchemes(): ContrastScheme[] {
  return [
    { name: 'Payfect light', page: canvasBackground.light, values: defaults('light') },
    { name: 'Payfect dark', page: canvasBackground.dark, values: defaults('dark') },
    { name: 'Mint & Co. (brand) light', page: canvasBackground.brand, values: { ...defaults('light'), ...brandVariables } },
    { name: 'Mint & Co. (brand) dark', page: canvasBackground.dark, values: { ...defaults('dark'), ...brandVariables, ...brandDarkVariables } },
  ]
}

export interface ContrastResult extends Pair {
  ratio: number
  passes: boolean
}

/** Every pair of one scheme, measured. A translucent background is laid over the page first. */
export function checkScheme(scheme: ContrastScheme): ContrastResult[] {
  const page = parseColor(scheme.page)
  const resolve = (name: string) => {
    const value = name === 'page' ? scheme.page : scheme.values[name]
    if (!value) throw new Error(`The scheme "${scheme.name}" has no value for ${name}.`)
    return composite(parseColor(value), page)
  }
  return pairs.map((pair) => {
    const ratio = contrastRatio(resolve(pair.foreground), resolve(pair.background))
    return { ...pair, ratio, passes: ratio >= pair.minimum }
  })
}

const cell = { padding: '6px 10px', borderBottom: '1px solid #e5e7eb', textAlign: 'left', verticalAlign: 'middle' } as const

function Swatch({ color }: { color: string }) {
  return <span aria-hidden="true" style={{ display: 'inline-block', width: 14, height: 14, marginInlineEnd: 6, verticalAlign: 'middle', border: '1px solid rgb(0 0 0 / 0.25)', borderRadius: 3, background: color }} />
}

/** The Theming page's contrast check: every scheme, every pair, the ratio and whether it passes. */
export function ContrastCheck({ schemes = contrastSchemes() }: { schemes?: ContrastScheme[] }) {
  return (
    <div style={{ display: 'grid', gap: 24, width: '100%', color: '#111827', background: '#ffffff', padding: 16, borderRadius: 8 }}>
      {schemes.map((scheme) => (
        <table key={scheme.name} data-scheme={scheme.name} style={{ width: '100%', borderCollapse: 'collapse', fontSize: 14 }}>
          <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: 6 }}>{scheme.name}</caption>
          <thead>
            <tr>
              <th style={cell}>Pair</th>
              <th style={cell}>Colours</th>
              <th style={cell}>Ratio</th>
              <th style={cell}>Needs</th>
              <th style={cell}>Result</th>
            </tr>
          </thead>
          <tbody>
            {checkScheme(scheme).map((result) => (
              <tr key={result.what} data-passes={result.passes}>
                <td style={cell}>{result.what}</td>
                <td style={cell}>
                  <Swatch color={scheme.values[result.foreground] ?? ''} />
                  <code>{result.foreground.replace('--payfect-color-', '')}</code> on <Swatch color={result.background === 'page' ? scheme.page : (scheme.values[result.background] ?? '')} />
                  <code>{result.background.replace('--payfect-color-', '')}</code>
                </td>
                <td style={cell}>{formatRatio(result.ratio)}</td>
                <td style={cell}>{formatRatio(result.minimum)}</td>
                <td style={{ ...cell, fontWeight: 600, color: result.passes ? '#067647' : '#b42318' }}>{result.passes ? 'Passes' : 'Fails'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  )
}
