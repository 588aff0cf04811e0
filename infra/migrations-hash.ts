// The content hash of the migrations folder: the deploy-time migration runs again when it changes.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

export function migrationsHash(dir: string): string {
  const hash = createHash('sha256')
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(dir, file)))
      .update('\0')
  }
  return hash.digest('hex')
}
