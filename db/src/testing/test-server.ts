// Starts the throwaway PostgreSQL server the whole test run shares (one database per test file).
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { connect, quoteIdent, withDatabase } from '../connect.ts'
import { type RunningPostgres, startEmbeddedPostgres } from '../embedded-postgres.ts'
import { migrate } from '../migrate.ts'

export interface TestServer {
  server: RunningPostgres
  templateName: string
  dispose(): Promise<void>
}

export interface StartTestServerOptions {
  /** Runs after the product migrations on the template (e.g. graphile-worker's schema). */
  prepareTemplate?: (url: string) => Promise<void>
}

export async function startTestServer(options: StartTestServerOptions = {}): Promise<TestServer> {
  const root = await mkdtemp(path.join(tmpdir(), 'revops-test-pg-'))
  // The server runs as the `postgres` user when we are root; it must be able to enter this folder.
  await chmod(root, 0o755)
  const dataDir = path.join(root, 'pgdata')
  const server = await startEmbeddedPostgres({ dataDir, port: 0, profile: 'test' })
  const templateName = 'revops_template'
  const admin = connect(server.url, { max: 1 })
  try {
    await admin.unsafe(`create database ${quoteIdent(templateName)}`)
  } finally {
    await admin.end()
  }
  const templateUrl = withDatabase(server.url, templateName)
  const sql = connect(templateUrl, { max: 1 })
  try {
    await migrate(sql)
  } finally {
    await sql.end()
  }
  await options.prepareTemplate?.(templateUrl)
  return {
    server,
    templateName,
    dispose: async () => {
      await server.stop()
      await rm(root, { recursive: true, force: true })
    },
  }
}
