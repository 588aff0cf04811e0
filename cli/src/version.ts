// The product version (root package.json), reported by the API and the CLI.
import { readFileSync } from 'node:fs'

const rootPackage = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string
}

export const PRODUCT_VERSION = rootPackage.version
