import type { InputType } from 'storybook/internal/types'
import { isColor, parseVariables, type CssVariable } from './css-variables'

/** A length a designer drags rather than types. */
interface Range {
  min: number
  max: number
  step: number
  unit: string
}

const ranges: [RegExp, Range][] = [
  [/^--payfect-radius/, { min: 0, max: 40, step: 1, unit: 'px' }],
  [/^--payfect-space-/, { min: 0, max: 2, step: 0.125, unit: 'rem' }],
  [/^--payfect-font-size$/, { min: 0.75, max: 1.25, step: 0.0625, unit: 'rem' }],
  [/^--payfect-overlay-blur$/, { min: 0, max: 20, step: 1, unit: 'px' }],
  [/^--payfect-modal-width$/, { min: 320, max: 720, step: 8, unit: 'px' }],
  [/^--payfect-modal-height$/, { min: 480, max: 900, step: 10, unit: 'px' }],
  [/^--payfect-duration$/, { min: 0, max: 600, step: 10, unit: 'ms' }],
]

/** Font stacks a designer can try; `System` is Payfect's own. Names stay URL-safe (letters and spaces). */
export const fontPresets: Record<string, string> = {
  System: "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans TC', 'PingFang TC', sans-serif",
  Serif: "Georgia, 'Iowan Old Style', 'Times New Roman', 'Noto Serif TC', serif",
  Rounded: "ui-rounded, 'SF Pro Rounded', 'Nunito', system-ui, sans-serif",
  Monospace: "ui-monospace, 'SF Mono', Menlo, Consolas, monospace",
}

const weights = ['400', '500', '600', '700']

/** The suffix of a dark-scheme arg, `--payfect-color-accent dark` (a space: Storybook keeps only letters, digits, `-`, `_` and spaces of an arg's name in the URL). */
export const darkSuffix = ' dark'

export interface ThemeControl {
  /** The arg's name: the variable, with ` dark` after it for a colour's dark value. */
  arg: string
  variable: CssVariable
  scheme: 'light' | 'dark' | 'both'
  /** The stylesheet's value for this scheme. */
  defaultValue: string | undefined
  inputType: InputType
  /** The arg's value as CSS (`12` → `12px`), or `undefined` when unset. */
  toCss: (value: unknown) => string | undefined
}

function controlOf(variable: CssVariable, scheme: ThemeControl['scheme']): ThemeControl {
  const defaultValue = scheme === 'dark' ? (variable.dark ?? variable.light) : variable.light
  const arg = scheme === 'dark' ? `${variable.name}${darkSuffix}` : variable.name
  const table = {
    category: scheme === 'both' ? 'Shared by light and dark' : scheme === 'light' ? 'Light colours' : 'Dark colours',
    defaultValue: { summary: defaultValue ?? '' },
  }
  const plain = (value: unknown) => (value === undefined || value === '' ? undefined : String(value))
  const base = { arg, variable, scheme, defaultValue }
  if (scheme !== 'both') {
    return { ...base, inputType: { name: arg, description: variable.note, control: 'color', table }, toCss: plain }
  }
  const range = ranges.find(([pattern]) => pattern.test(variable.name))?.[1]
  if (range) {
    return {
      ...base,
      inputType: { name: arg, description: `${variable.note ?? ''} (${range.unit})`, control: { type: 'range', ...range }, table },
      toCss: (value) => (typeof value === 'number' ? `${value}${range.unit}` : plain(value)),
    }
  }
  if (variable.name === '--payfect-font') {
    return {
      ...base,
      inputType: { name: arg, description: variable.note, control: 'select', options: Object.keys(fontPresets), table },
      toCss: (value) => (typeof value === 'string' ? (fontPresets[value] ?? value) : undefined),
    }
  }
  if (variable.name === '--payfect-font-weight-strong') {
    return { ...base, inputType: { name: arg, description: variable.note, control: 'inline-radio', options: weights, table }, toCss: plain }
  }
  return { ...base, inputType: { name: arg, description: variable.note, control: 'text', table }, toCss: plain }
}

/** Every variable as controls: a colour once per scheme, anything else once for both. */
export function themeControls(): ThemeControl[] {
  const variables = parseVariables()
  const colors = variables.filter((variable) => isColor(variable.light))
  const others = variables.filter((variable) => !isColor(variable.light))
  return [
    ...colors.map((variable) => controlOf(variable, 'light')),
    ...colors.map((variable) => controlOf(variable, 'dark')),
    ...others.map((variable) => controlOf(variable, 'both')),
  ]
}

/** The variables the args change from the stylesheet's values, per scheme. */
export function changedVariables(args: Record<string, unknown>, controls = themeControls()) {
  const light: Record<string, string> = {}
  const dark: Record<string, string> = {}
  for (const control of controls) {
    const css = control.toCss(args[control.arg])
    if (css === undefined || css.toLowerCase() === control.defaultValue?.toLowerCase()) continue
    if (control.scheme === 'dark') dark[control.variable.name] = css
    else light[control.variable.name] = css
  }
  return { light, dark }
}

/** The stylesheet a merchant pastes: exactly the changed variables, dark ones for both ways dark is chosen. */
export function copyCss({ light, dark }: { light: Record<string, string>; dark: Record<string, string> }): string {
  const lines = (variables: Record<string, string>, indent: string) =>
    Object.entries(variables)
      .map(([name, value]) => `${indent}${name}: ${value};`)
      .join('\n')
  const blocks: string[] = []
  if (Object.keys(light).length > 0) blocks.push(`:root {\n${lines(light, '  ')}\n}`)
  if (Object.keys(dark).length > 0) {
    blocks.push(`[data-theme='dark'] {\n${lines(dark, '  ')}\n}`)
    blocks.push(`@media (prefers-color-scheme: dark) {\n  :root:not([data-theme='light']) {\n${lines(dark, '    ')}\n  }\n}`)
  }
  return blocks.length > 0 ? blocks.join('\n\n') : '/* No variable changed yet: change one in the Controls panel. */'
}

/** Args from `--payfect-*` values (`'28px'` → `28` for a range, clamped to it), e.g. a brand example. */
export function argsFromVariables(light: Record<string, string>, dark: Record<string, string> = {}, controls = themeControls()): Record<string, unknown> {
  const args: Record<string, unknown> = {}
  for (const control of controls) {
    const value = control.scheme === 'dark' ? dark[control.variable.name] : light[control.variable.name]
    if (value === undefined) continue
    const widget = control.inputType.control
    if (typeof widget === 'object' && widget !== null && 'type' in widget && widget.type === 'range') {
      const { min, max } = widget as { min: number; max: number }
      args[control.arg] = Math.min(max, Math.max(min, parseFloat(value)))
    } else if (control.variable.name === '--payfect-font') {
      args[control.arg] = Object.entries(fontPresets).find(([, stack]) => stack === value)?.[0] ?? value
    } else args[control.arg] = value
  }
  return args
}
