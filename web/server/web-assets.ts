// Serves the built web UI beside the API on one origin: /api/* goes to the API, every other GET is a
// file of web/dist/client or, for the UI's own routes (/pod/123), its index.html. Hashed assets are
// cached for good; index.html is revalidated so a rebuilt UI is picked up at once.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import path from 'node:path'
import type { Logger } from '@revops/engine/shared'
import { ensureWebBuild, WEB_DIR, webClientDir } from './web-build.ts'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "frame-ancestors 'none'",
}

export interface WebAssetsOptions {
  webDir?: string
  /** Build the UI first when it is missing or stale (default true). */
  build?: boolean
  log: Pick<Logger, 'info' | 'warn' | 'error'>
}

export interface WebAssets {
  /** Resolves true once the UI can be served, false when its build failed. */
  ready: Promise<boolean>
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>
}

/** Starts the build when needed (in the background: the API answers meanwhile) and serves the result. */
export function createWebAssets({ webDir = WEB_DIR, build = true, log }: WebAssetsOptions): WebAssets {
  const root = webClientDir(webDir)
  const ready = (build ? ensureWebBuild({ webDir, log }) : Promise.resolve()).then(
    () => true,
    (error: Error) => {
      log.error(error.message)
      return false
    },
  )
  return {
    ready,
    async serve(req, res) {
      if (!(await ready)) return sendText(res, 503, 'The web UI could not be built; the server log says why.')
      const pathname = decodePath(req.url)
      if (pathname === undefined) return sendText(res, 400, 'Bad request: the path is not a valid URL path')
      const file = path.join(root, path.normalize(pathname))
      if (file !== root && !file.startsWith(`${root}${path.sep}`)) return sendText(res, 404, 'Not found')
      const info = await stat(file).catch(() => null)
      if (info?.isFile()) return sendFile(req, res, file, pathname.startsWith('/_build/assets/'))
      // A path that names a file that is not there is a 404; anything else is a route of the UI.
      if (path.extname(pathname)) return sendText(res, 404, 'Not found')
      return sendFile(req, res, path.join(root, 'index.html'), false)
    },
  }
}

/** The request listener: the API for /api and anything but GET/HEAD, the UI for the rest. */
export function withWebAssets(api: RequestListener, web: WebAssets): RequestListener {
  return (req, res) => {
    const url = req.url ?? '/'
    const isApi = url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')
    if (isApi || (req.method !== 'GET' && req.method !== 'HEAD')) return api(req, res)
    web.serve(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal error')
      else res.destroy()
    })
  }
}

/** The decoded path of a request, or undefined when it cannot be one (bad escapes, NUL). */
function decodePath(url: string | undefined): string | undefined {
  try {
    const pathname = decodeURIComponent(new URL(url ?? '/', 'http://ui').pathname)
    return pathname.includes('\0') ? undefined : pathname
  } catch {
    return undefined
  }
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, immutable: boolean) {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  if (req.method === 'HEAD') return void res.end()
  createReadStream(file)
    .once('error', () => res.destroy())
    .pipe(res)
}

function sendText(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' })
  res.end(text)
}
