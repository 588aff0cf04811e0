// One browser session per test file: the real app on demo data (startUiServer), Chromium with a 1280 px
// window, and the small helpers every page's tests use. Call useUiSession() at the top of a test file;
// guard its describe block with `describe.skipIf(!hasChromium)`.
import { type TestDatabase, useTestDatabase } from '@revops/db/testing'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { collectPageErrors, hasChromium, launchChromium, NO_CHROMIUM } from './chromium.ts'
import { startUiServer, type UiServer } from './ui-server.ts'

export interface UiSession {
  readonly db: TestDatabase
  readonly server: UiServer
  readonly context: BrowserContext
  /** A page signed in through the URL fragment, as the link `npm start` prints does it. */
  openSignedIn(path: string): Promise<{ page: Page; errors: string[] }>
}

export function useUiSession(): UiSession {
  if (!hasChromium) console.warn(NO_CHROMIUM)
  const db = useTestDatabase()
  let server: UiServer | undefined
  let browser: Browser | undefined
  let context: BrowserContext | undefined

  beforeAll(async () => {
    if (!hasChromium) return
    ;[server, browser] = await Promise.all([startUiServer(db), launchChromium()])
    context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
      locale: 'en-US',
    })
  }, 180_000)

  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await server?.close()
  })

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the UI session has not started (is Chromium installed?)')
    return value
  }
  return {
    db,
    get server() {
      return started(server)
    },
    get context() {
      return started(context)
    },
    async openSignedIn(path) {
      const page = await started(context).newPage()
      const errors = collectPageErrors(page)
      await page.goto(`${started(server).url}${path}#key=${started(server).key}`)
      return { page, errors }
    },
  }
}

/** Polls until the UI shows what is expected (it loads asynchronously). */
export const eventually = <T>(read: () => T | Promise<T>) =>
  expect.poll(read, { timeout: 10_000, interval: 100 })

/** Sections that failed to load show an error state instead of throwing: none is expected. */
export async function expectNoErrorStates(page: Page): Promise<void> {
  expect(await page.locator('.state.error').allTextContents()).toEqual([])
}
