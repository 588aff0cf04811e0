// Debian's Chromium for the browser tests (never a downloaded browser build): found at /usr/bin/chromium
// or CHROMIUM_PATH, launched headless without sandbox or background networking.
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { type Browser, type ConsoleMessage, chromium, type Locator, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Where the test run leaves its screenshots (git-ignored). */
export const SCREENSHOTS_DIR = new URL('../../test-results/', import.meta.url).pathname

export const hasChromium = existsSync(CHROMIUM_PATH)

/** The line `npm test` prints when the browser tests cannot run here. */
export const NO_CHROMIUM = `browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  })
}

/** Collects the page's console errors and uncaught exceptions; the tests expect none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
  return errors
}

/** Saves a screenshot (the whole page unless told) as test-results/<name>.png. */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true })
  const file = `${SCREENSHOTS_DIR}${name}.png`
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true })
  return file
}

/** Saves a screenshot of one part of a page as test-results/<name>.png. */
export async function screenshotOf(locator: Locator, name: string): Promise<string> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true })
  const file = `${SCREENSHOTS_DIR}${name}.png`
  await locator.screenshot({ path: file })
  return file
}
