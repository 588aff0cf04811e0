import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { silentLogger } from '@revops/engine/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWebAssets, withWebAssets } from './web-assets.ts'
import { ensureWebBuild, readWebBuildState } from './web-build.ts'

let webDir: string
let server: Server
let url: string

const api: RequestListener = (req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(JSON.stringify({ api: `${req.method} ${req.url}` }))
}

async function write(file: string, text: string, mtime?: Date) {
  const target = path.join(webDir, file)
  await mkdir(path.dirname(target), { recursive: true })
  await writeFile(target, text)
  if (mtime) await utimes(target, mtime, mtime)
}

beforeAll(async () => {
  webDir = await mkdtemp(path.join(tmpdir(), 'web-assets-'))
  const past = new Date(Date.now() - 60_000)
  await write('src/app.tsx', 'export default 1', past)
  await write('vite.config.ts', 'export default {}', past)
  await write('package.json', '{}', past)
  await write('dist/client/_build/assets/app-abc123.js', 'console.log(1)')
  await write('dist/client/favicon.svg', '<svg/>')
  await write('dist/client/index.html', '<!doctype html><div id="app"></div>')
  const web = createWebAssets({ webDir, build: false, log: silentLogger })
  server = createServer(withWebAssets(api, web))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await rm(webDir, { recursive: true, force: true })
})

describe('web assets beside the API', () => {
  it('serves index.html for the UI routes, revalidated on every visit', async () => {
    for (const route of ['/', '/pod', '/pod/42?outcome=needs_review']) {
      const response = await fetch(`${url}${route}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('text/html')
      expect(response.headers.get('cache-control')).toBe('no-cache')
      expect(await response.text()).toContain('<div id="app">')
    }
  })

  it('serves files with their type; hashed assets are cached for good; a missing file is a 404', async () => {
    const asset = await fetch(`${url}/_build/assets/app-abc123.js`)
    expect(asset.headers.get('content-type')).toContain('text/javascript')
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect(await asset.text()).toBe('console.log(1)')
    expect((await fetch(`${url}/favicon.svg`)).headers.get('content-type')).toBe('image/svg+xml')
    expect((await fetch(`${url}/_build/assets/gone-123.js`)).status).toBe(404)
    expect((await fetch(`${url}/..%2f..%2fpackage.json`)).status).toBe(404)
  })

  it('answers a path that is not valid percent-encoding with a 400, not a failure', async () => {
    for (const bad of ['/pod/%ZZ', '/%E0%A4%A', '/pod/%00', '/%ED%A0%80']) {
      const response = await fetch(`${url}${bad}`)
      expect(response.status, bad).toBe(400)
      expect(await response.text()).toMatch(/not a valid URL path/)
    }
  })

  it('leaves /api and every non-GET request to the API', async () => {
    expect(await (await fetch(`${url}/api/v1/health`)).json()).toEqual({ api: 'GET /api/v1/health' })
    expect(await (await fetch(`${url}/api`)).json()).toEqual({ api: 'GET /api' })
    expect(await (await fetch(`${url}/pod`, { method: 'POST' })).json()).toEqual({ api: 'POST /pod' })
  })
})

describe('the web build', () => {
  it('is fresh when no source is newer than index.html, stale when one is, missing without it', async () => {
    expect(await readWebBuildState(webDir)).toBe('fresh')
    // Fresh: nothing to build (a build here would fail: there is no vite in the temporary folder).
    await ensureWebBuild({ webDir, log: silentLogger })
    await write('src/routes/new-page.tsx', 'export default 2', new Date(Date.now() + 60_000))
    expect(await readWebBuildState(webDir)).toBe('stale')
    const empty = await mkdtemp(path.join(tmpdir(), 'web-empty-'))
    expect(await readWebBuildState(empty)).toBe('missing')
    await rm(empty, { recursive: true })
  })
})
