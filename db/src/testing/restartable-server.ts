// A throwaway PostgreSQL of its own for fault tests: stopped and started again on the same port and data,
// as an operator restarting the database would, while clients of the shared test server carry on.
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { findFreePort, type RunningPostgres, startEmbeddedPostgres } from '../embedded-postgres.ts'

export interface RestartableServer {
  /** Superuser URL of the `postgres` database. */
  url: string
  port: number
  /** Stops the server (fast shutdown: sessions are terminated, as on a restart). */
  stop(): Promise<void>
  /** Starts it again on the same port and data. */
  start(): Promise<void>
  /** Stops it and deletes its data. */
  dispose(): Promise<void>
}

export async function startRestartableServer(): Promise<RestartableServer> {
  const root = await mkdtemp(path.join(tmpdir(), 'revops-fault-pg-'))
  await chmod(root, 0o755)
  const dataDir = path.join(root, 'pgdata')
  const port = await findFreePort()
  let server: RunningPostgres | undefined = await startEmbeddedPostgres({ dataDir, port, profile: 'test' })
  const url = server.url
  return {
    url,
    port,
    stop: async () => {
      await server?.stop()
      server = undefined
    },
    start: async () => {
      server ??= await startEmbeddedPostgres({ dataDir, port, profile: 'test' })
    },
    dispose: async () => {
      await server?.stop()
      await rm(root, { recursive: true, force: true })
    },
  }
}
