// Keeps the built web UI (web/dist/client) current: it is built when missing or older than the web
// sources, by `node web/scripts/build.ts` in a child process, one build at a time across processes.
import { spawn } from 'node:child_process'
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Logger } from '@revops/engine/shared'

export const WEB_DIR = fileURLToPath(new URL('../', import.meta.url))

/** What decides whether the build is current: the sources and the build configuration. */
const SOURCES = ['src', 'public', 'vite.config.ts', 'package.json', 'scripts/build.ts']
/** A lock older than this belongs to a build that died. */
const STALE_LOCK_MS = 180_000

export type WebBuildState = 'fresh' | 'missing' | 'stale'

export function webClientDir(webDir = WEB_DIR): string {
  return path.join(webDir, 'dist', 'client')
}

/** `missing` without an index.html, `stale` when a source is newer than it. */
export async function readWebBuildState(webDir = WEB_DIR): Promise<WebBuildState> {
  const built = await stat(path.join(webClientDir(webDir), 'index.html')).catch(() => null)
  if (!built) return 'missing'
  for (const source of SOURCES) {
    if ((await newestChange(path.join(webDir, source))) > built.mtimeMs) return 'stale'
  }
  return 'fresh'
}

async function newestChange(file: string): Promise<number> {
  const info = await stat(file).catch(() => null)
  if (!info) return 0
  if (!info.isDirectory()) return info.mtimeMs
  let newest = info.mtimeMs
  for (const entry of await readdir(file))
    newest = Math.max(newest, await newestChange(path.join(file, entry)))
  return newest
}

export interface EnsureWebBuildOptions {
  webDir?: string
  log: Pick<Logger, 'info' | 'warn'>
}

/** Builds the UI unless it is current; resolves once it is. Throws when the build fails. */
export async function ensureWebBuild({ webDir = WEB_DIR, log }: EnsureWebBuildOptions): Promise<void> {
  const state = await readWebBuildState(webDir)
  if (state === 'fresh') return
  const lock = path.join(webDir, 'dist', '.build-lock')
  await mkdir(path.dirname(lock), { recursive: true })
  if (!(await acquireLock(lock))) {
    log.info('web UI: waiting for the build another process is running')
    await waitForLock(lock)
    return ensureWebBuild({ webDir, log })
  }
  try {
    if ((await readWebBuildState(webDir)) === 'fresh') return
    log.info(`web UI: ${state === 'missing' ? 'not built yet' : 'sources changed'}, building (vite)`)
    const started = performance.now()
    await runBuild(webDir)
    log.info(`web UI: built in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  } finally {
    await rm(lock, { recursive: true, force: true })
  }
}

async function acquireLock(lock: string): Promise<boolean> {
  try {
    await mkdir(lock)
    return true
  } catch {
    const info = await stat(lock).catch(() => null)
    if (info && Date.now() - info.mtimeMs > STALE_LOCK_MS) {
      await rm(lock, { recursive: true, force: true })
      return acquireLock(lock)
    }
    return false
  }
}

async function waitForLock(lock: string): Promise<void> {
  const deadline = Date.now() + STALE_LOCK_MS
  while (Date.now() < deadline && (await stat(lock).catch(() => null)))
    await new Promise((resolve) => setTimeout(resolve, 250))
}

function runBuild(webDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // The same Node that runs us (24, which Vite 8 and SolidStart 2 need); output kept for the error.
    const child = spawn(process.execPath, ['scripts/build.ts'], {
      cwd: webDir,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `web UI build failed (exit ${code}):\n${output.trim().split('\n').slice(-30).join('\n')}`,
            ),
          ),
    )
  })
}
