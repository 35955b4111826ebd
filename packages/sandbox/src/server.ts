import type { IncomingMessage, ServerResponse } from 'node:http'
import { authenticate } from './auth'
import { handleControl } from './control'
import { checkHost } from './host-check'
import { handleHostedPage } from './hosted-pages'
import { HttpError, notFound, readJson, sendJson, sendSvg } from './http'
import { pageAssets } from './pages/assets'
import { createCheckout, retrieveCheckout } from './resources/checkouts'
import { createPaymentLink, retrievePaymentLink } from './resources/payment-links'
import { createPrice, retrievePrice } from './resources/prices'
import { createProduct, retrieveProduct } from './resources/products'
import type { Runtime } from './runtime'
import type { MerchantRecord } from './types'

interface Resource {
  create(rt: Runtime, merchant: MerchantRecord, body: unknown): unknown
  retrieve(rt: Runtime, merchant: MerchantRecord, id: string): unknown
}

const RESOURCES: Record<string, Resource> = {
  checkouts: { create: createCheckout, retrieve: retrieveCheckout },
  products: { create: createProduct, retrieve: retrieveProduct },
  prices: { create: createPrice, retrieve: retrievePrice },
  'payment-links': { create: createPaymentLink, retrieve: retrievePaymentLink },
}

const API_PATH = /^\/api\/v1\/([a-z-]+)\/(?:([^/]+)\/)?$/
const API_PATH_WITHOUT_SLASH = /^\/api\/v1\/([a-z-]+)(?:\/[^/]+)?$/

/**
 * The sandbox's request handler for `node:http`: the REST API under `/api/v1/`,
 * the hosted pages, and the `/_sandbox` controls. Every refusal is JSON in DRF's
 * shape; an unexpected failure is a 500 that names itself, never a dropped socket.
 */
export function createRequestHandler(rt: Runtime): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    route(rt, req, res)
      .catch((error: unknown) => {
        if (res.headersSent || res.destroyed) return void res.destroy()
        if (error instanceof HttpError) return sendJson(res, error.status, error.body, error.headers)
        // The client went away mid-request: nobody is left to answer, and it is not our bug.
        if (req.destroyed && !req.complete) return void res.destroy()
        console.error('[@payfect/sandbox] internal error:', error)
        sendJson(res, 500, { detail: 'Sandbox internal error; see the sandbox output. This is a bug in @payfect/sandbox, please report it.' })
      })
      // Even answering can fail (a header Node refuses); drop that one socket, never the process.
      .catch(() => res.destroy())
  }
}

async function route(rt: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = pathOf(req)
  if (path.startsWith('/api/')) return api(rt, req, res, path)
  // The public API and hosted pages answer any Host, as Payfect's do; the sandbox's own routes do not.
  // Browsers ask for /favicon.ico on their own (for a JSON answer, say): the pages link their icon inline.
  if ((path === '/favicon.ico' || path === '/favicon.svg') && (req.method === 'GET' || req.method === 'HEAD')) return sendSvg(res, pageAssets().faviconSvg)
  if (path === '/' || path.startsWith('/_sandbox')) checkHost(req, rt.allowedHosts, rt.origin)
  if (path === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
    res.writeHead(302, { Location: '/_sandbox' })
    return void res.end()
  }
  if (await handleControl(rt, req, res, path)) return
  if (await handleHostedPage(rt, req, res, path)) return
  throw notFound()
}

async function api(rt: Runtime, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const match = API_PATH.exec(path)
  const resource = match && Object.hasOwn(RESOURCES, match[1]!) ? RESOURCES[match[1]!] : undefined
  if (!match || !resource) {
    const missingSlash = API_PATH_WITHOUT_SLASH.exec(path)
    // Django answers these with a 404 too (or a 301/500 with APPEND_SLASH); the body stays DRF's, the header says why.
    const hint =
      missingSlash && Object.hasOwn(RESOURCES, missingSlash[1]!)
        ? { 'X-Payfect-Sandbox-Hint': `Payfect API paths end with a slash: ${path}/` }
        : undefined
    throw new HttpError(404, { detail: 'Not found.' }, hint)
  }
  const merchant = authenticate(req, rt.store.merchants)
  const method = req.method ?? 'GET'
  const id = match[2]
  if (id === undefined) {
    if (method !== 'POST') throw methodNotAllowed(method, 'POST')
    const body = await readJson(req)
    // Payfect's docs list 200 as the only success code, create included (DRF's default would be 201).
    return sendJson(res, 200, resource.create(rt, merchant, body))
  }
  if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed(method, 'GET, HEAD')
  sendJson(res, 200, resource.retrieve(rt, merchant, decodeId(id)))
}

function methodNotAllowed(method: string, allow: string): HttpError {
  return new HttpError(405, { detail: `Method "${method.slice(0, 20)}" not allowed.` }, { Allow: allow })
}

function pathOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? '/', 'http://sandbox.invalid').pathname
  } catch {
    return '/'
  }
}

function decodeId(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
