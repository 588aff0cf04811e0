// Builds the UI: `vite build` (client assets in dist/client, the SPA shell renderer in dist/server),
// then renders the shell once into dist/client/index.html so a plain static server can serve it.
// index.html is written last (and atomically): its presence and time mark a complete build.
import { rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createBuilder } from 'vite'

// A production build whatever the caller's environment says (vitest sets NODE_ENV=test, which makes
// Vite and SolidStart build for development).
process.env.NODE_ENV = 'production'
const webDir = fileURLToPath(new URL('..', import.meta.url))
// SolidStart resolves the app from the working directory.
process.chdir(webDir)

const builder = await createBuilder({ root: webDir, mode: 'production', logLevel: 'warn' })
await builder.buildApp()

const renderer = await import(pathToFileURL(path.join(webDir, 'dist/server/entry-server.js')).href)
const response: Response = await renderer.default.fetch(new Request('http://localhost/'))
const html = await response.text()
if (!response.ok || !html.includes('<div id="app">'))
  throw new Error(`rendering the HTML shell failed (${response.status}): ${html.slice(0, 500)}`)
const target = path.join(webDir, 'dist/client/index.html')
await writeFile(`${target}.tmp`, html)
await rename(`${target}.tmp`, target)
console.log(`built ${path.relative(process.cwd(), target)}`)
