/** The toolbar's themes. `brand` is a merchant restyling the SDK through `--payfect-*` variables only. */
export type ThemeName = 'light' | 'dark' | 'brand'

/**
 * A merchant's brand ("Mint & Co."): green accent, rounder corners, their own font stack.
 * It sets the accent's contrast colour and the focus ring with the accent: leaving them to
 * Payfect's defaults gives dark-scheme text on the teal (3.46:1) or an indigo ring on a green shop.
 */
export const brandVariables: Record<string, string> = {
  '--payfect-color-accent': '#0f766e',
  '--payfect-color-accent-hover': '#115e59',
  '--payfect-color-accent-contrast': '#ffffff',
  '--payfect-color-focus': '#115e59',
  '--payfect-radius-button': '999px',
  '--payfect-radius-modal': '28px',
  '--payfect-font': 'Georgia, "Iowan Old Style", "Times New Roman", serif',
}

/** The same brand on a dark page: a lighter teal, with dark text on it. */
export const brandDarkVariables: Record<string, string> = {
  '--payfect-color-accent': '#2dd4bf',
  '--payfect-color-accent-hover': '#5eead4',
  '--payfect-color-accent-contrast': '#042f2e',
  '--payfect-color-focus': '#5eead4',
}

/** The page behind the story, so axe measures contrast against what a shopper would see. */
export const canvasBackground: Record<ThemeName, string> = { light: '#ffffff', dark: '#0a0d14', brand: '#f3faf7' }

/** The attributes a theme puts on its element: `data-theme` for light/dark, inline variables for a brand. */
export function themeAttributes(theme: ThemeName): { 'data-theme': 'light' | 'dark'; style: Record<string, string> } {
  return { 'data-theme': theme === 'dark' ? 'dark' : 'light', style: theme === 'brand' ? brandVariables : {} }
}

/** The brand as a merchant would paste it: light on `:root`, dark under `[data-theme='dark']` and the shopper's setting. */
export function brandCss(): string {
  const block = (variables: Record<string, string>, indent: string) =>
    Object.entries(variables)
      .map(([name, value]) => `${indent}${name}: ${value};`)
      .join('\n')
  return [
    `:root {\n${block(brandVariables, '  ')}\n}`,
    `[data-theme='dark'] {\n${block(brandDarkVariables, '  ')}\n}`,
    `@media (prefers-color-scheme: dark) {\n  :root:not([data-theme='light']) {\n${block(brandDarkVariables, '    ')}\n  }\n}`,
  ].join('\n\n')
}
