/** The toolbar's themes. `brand` is a merchant restyling the SDK through `--payfect-*` variables only. */
export type ThemeName = 'light' | 'dark' | 'brand'

/** A merchant's brand ("Mint & Co."): green accent, rounder corners, their own font stack. */
export const brandVariables: Record<string, string> = {
  '--payfect-color-accent': '#0f766e',
  '--payfect-color-accent-hover': '#115e59',
  '--payfect-color-accent-contrast': '#ffffff',
  '--payfect-color-focus': 'rgb(15 118 110 / 0.45)',
  '--payfect-radius-button': '999px',
  '--payfect-radius-modal': '28px',
  '--payfect-font': 'Georgia, "Iowan Old Style", "Times New Roman", serif',
}

/** The page behind the story, so axe measures contrast against what a shopper would see. */
export const canvasBackground: Record<ThemeName, string> = { light: '#ffffff', dark: '#0a0d14', brand: '#f3faf7' }

/** The attributes a theme puts on its element: `data-theme` for light/dark, inline variables for a brand. */
export function themeAttributes(theme: ThemeName): { 'data-theme': 'light' | 'dark'; style: Record<string, string> } {
  return { 'data-theme': theme === 'dark' ? 'dark' : 'light', style: theme === 'brand' ? brandVariables : {} }
}
