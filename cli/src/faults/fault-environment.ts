// A product database of its own for fault tests, on a PostgreSQL the test can stop, start and restart
// (the shared test server must keep serving every other test file), migrated and with the runtime roles'
// logins, as `revops start` prepares it.
import {
  API_ROLE,
  connect,
  ensureDatabase,
  ensureRuntimeLogins,
  migrate,
  runtimeRoleUrl,
  type Sql,
  WORKER_ROLE,
  withDatabase,
} from '@revops/db'
import { type RestartableServer, startRestartableServer } from '@revops/db/testing'
import { installJobQueue } from '@revops/worker'

export interface FaultEnvironment {
  server: RestartableServer
  /** The owner's URL of the product database, and its client. */
  url: string
  owner: Sql
  apiUrl: string
  workerUrl: string
  dispose(): Promise<void>
}

export async function createFaultEnvironment(
  tenants: readonly string[] = ['acme'],
): Promise<FaultEnvironment> {
  const server = await startRestartableServer()
  await ensureDatabase(server.url, 'revops')
  const url = withDatabase(server.url, 'revops')
  const owner = connect(url, { max: 3 })
  await migrate(owner)
  await installJobQueue(url)
  await ensureRuntimeLogins(owner, url)
  for (const tenant of tenants) await owner`insert into ops.tenants values (${tenant}, ${tenant})`
  return {
    server,
    url,
    owner,
    apiUrl: runtimeRoleUrl(url, API_ROLE),
    workerUrl: runtimeRoleUrl(url, WORKER_ROLE),
    dispose: async () => {
      await owner.end({ timeout: 5 })
      await server.dispose()
    },
  }
}

/** Polls `read` until `accept` holds or the time runs out (then throws with the last value). */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: T | Error | undefined
  while (Date.now() < deadline) {
    try {
      last = await read()
      if (accept(last)) return last
    } catch (error) {
      last = error as Error
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(
    `condition not met in ${timeoutMs} ms; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`,
  )
}
