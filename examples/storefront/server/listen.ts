import type { Server } from 'node:http'

/** Reads a port number from the environment or a flag; throws a clear error for anything else. */
export function portFrom(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be a port number from 0 to 65535; got ${JSON.stringify(value)}.`)
  return n
}

/** Listens on 127.0.0.1 only: the shop and its sandbox are for this machine. */
export function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} on 127.0.0.1 is in use. Stop what runs there, or pick another: PORT=5174 pnpm dev (or --port 0 for any free port).`) : error)
    })
    server.listen(port, '127.0.0.1', () => resolve())
  })
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}
