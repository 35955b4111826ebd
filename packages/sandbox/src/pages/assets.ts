import { compilePageAssets, type PageAssets } from './compile-assets'

export type { PageAssets }

let compiled: PageAssets | undefined

/**
 * The pages' scripts and styles as text. From source they are compiled on first use;
 * the published build replaces this module with the compiled text (vite.config.ts).
 */
export function pageAssets(): PageAssets {
  compiled ??= compilePageAssets()
  return compiled
}
