// The embedded default's API key: created once per data folder, printed at start with the URL that
// signs the browser in (the key travels in the URL fragment, which browsers never send to a server).
import path from 'node:path'
import { ensureLocalApiKey } from '@revops/engine/tenancy/api-keys'
import type { Runtime } from './runtime.ts'

/** Creates (or reuses) the local key when the database is the embedded default, and prints it. */
export async function announceLocalKey(runtime: Runtime, serverUrl: string): Promise<string | undefined> {
  if (runtime.database.mode !== 'embedded') return undefined
  const file = path.join(runtime.env.dataDir, 'local-api-key')
  const { key, created } = await ensureLocalApiKey(runtime.sql, runtime.tenantId, file)
  runtime.log.info(
    `${created ? 'created the' : 'the'} local API key of tenant ${runtime.tenantId} (kept in ${file}): ${key}`,
  )
  runtime.log.info(`open ${serverUrl}/#key=${key} to sign in the web UI`)
  return key
}
