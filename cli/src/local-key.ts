// The embedded default's API key: created once per data folder (readable by the owner only). The key is
// a credential: it is shown on a terminal, as the link that signs the browser in (the key travels in the
// URL fragment, which browsers never send to a server), and never written to the log.
import path from 'node:path'
import { ensureLocalApiKey } from '@revops/engine/tenancy'
import type { Runtime } from './runtime.ts'

export interface AnnounceOptions {
  /** Where the sign-in link may be shown; the terminal (stdout) unless told, and only if it is one. */
  terminal?: { isTTY?: boolean; write(text: string): unknown }
}

/** Creates (or reuses) the local key when the database is the embedded default, and says how to sign in. */
export async function announceLocalKey(
  runtime: Runtime,
  serverUrl: string,
  options: AnnounceOptions = {},
): Promise<string | undefined> {
  if (runtime.database.mode !== 'embedded') return undefined
  const file = path.join(runtime.env.dataDir, 'local-api-key')
  const { key, created } = await ensureLocalApiKey(runtime.sql, runtime.tenantId, file)
  runtime.log.info(
    `${created ? 'created the' : 'using the'} local API key of tenant ${runtime.tenantId}; it is kept in ${file}`,
  )
  const terminal = options.terminal ?? process.stdout
  if (terminal.isTTY) terminal.write(`\n  Sign in to the web UI: ${serverUrl}/#key=${key}\n\n`)
  else runtime.log.info(`sign in to the web UI: open ${serverUrl}/#key=<the key in ${file}>`)
  return key
}
