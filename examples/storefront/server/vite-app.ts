import type { Server } from 'node:http'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { createServer, defaultClientConditions, type ViteDevServer } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * The React app, served by Vite in middleware mode from the shop's own server,
 * so the page, the route handler and the webhook share one origin (the checkout
 * frame's return to `/checkout/success` is then same-origin and readable).
 */
export function createViteApp(httpServer: Server, { quiet }: { quiet: boolean }): Promise<ViteDevServer> {
  return createServer({
    configFile: false,
    root,
    appType: 'spa',
    plugins: [react()],
    logLevel: quiet ? 'silent' : 'info',
    clearScreen: false,
    // The workspace packages resolve to their TypeScript source: no build needed.
    resolve: { conditions: ['@payfect/source', ...defaultClientConditions] },
    server: { middlewareMode: true, hmr: { server: httpServer } },
    optimizeDeps: {
      // Pre-bundled up front, so the first page load never triggers a reload mid-demo (or mid-test).
      include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime'],
    },
  })
}
