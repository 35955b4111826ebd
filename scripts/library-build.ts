import type { BuildEnvironmentOptions } from 'vite'

/**
 * The library build every package shares: ESM (`.js`) and CommonJS (`.cjs`) side by
 * side, one output module per source module (so each keeps its own `"use client"`, and
 * lazy chunks stay separate), source maps, and nothing from node_modules or Node bundled
 * but the syntax helpers the compiler injects. Declarations come after it:
 * `tsc -p tsconfig.build.json`, then scripts/dual-declarations.mjs for the `.d.cts` twins.
 */
export function libraryBuild(options: { entry: Record<string, string>; target?: string; ssr?: boolean }): BuildEnvironmentOptions {
  return {
    target: options.target ?? 'es2022',
    ...(options.ssr ? { ssr: true } : {}),
    sourcemap: true,
    emptyOutDir: true,
    minify: false,
    lib: {
      entry: options.entry,
      formats: ['es', 'cjs'],
      fileName: (format, name) => `${name}.${format === 'es' ? 'js' : 'cjs'}`,
    },
    rolldownOptions: {
      // The wire contract (@payfect/contract) is a private workspace module: bundled, never a dependency.
      external: (id) => !/^[./\0]/.test(id) && !id.startsWith('@oxc-project/runtime') && !id.startsWith('@payfect/contract') && !/^[A-Za-z]:[\\/]/.test(id),
      // preserveModules keeps each module's directive, so the "may not be preserved" warning does not apply.
      onLog: (level, log, handler) => (log.code === 'MODULE_LEVEL_DIRECTIVE' ? undefined : handler(level, log)),
      output: { preserveModules: true, preserveModulesRoot: 'src' },
    },
  }
}
