import { type RequestListener, type Server, type ServerOptions, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Listening {
  url: string
  server: Server
  close: () => Promise<void>
}

/** Serves `listener` on 127.0.0.1 at a free port. */
export async function listen(listener: RequestListener | ((req: never, res: never) => void), options: ServerOptions = {}): Promise<Listening> {
  const server = createServer(options, listener as RequestListener)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
