// Chooses the product database: DATABASE_URL when given, otherwise an embedded PostgreSQL under .data/.
import { connect, databaseName, quoteIdent, redactUrl, withDatabase } from './connect.ts'
import { type RunningPostgres, startEmbeddedPostgres } from './embedded-postgres.ts'

export interface OpenDatabaseOptions {
  /** External database; when absent the embedded server is used. */
  databaseUrl?: string | undefined
  /** PGDATA of the embedded server. */
  embeddedDataDir: string
  embeddedPort: number
  /** Name of the product database on the embedded server. */
  embeddedDatabase?: string
  log?: (message: string) => void
}

export interface ProductDatabase {
  mode: 'external' | 'embedded'
  /** The product database. */
  url: string
  /** Same server, maintenance database: where other databases (demo sources) are created. */
  serverUrl: string
  /** Stops the embedded server if this process started it. */
  close(): Promise<void>
}

export async function openProductDatabase(options: OpenDatabaseOptions): Promise<ProductDatabase> {
  const log = options.log ?? (() => {})
  if (options.databaseUrl) {
    log(`database: external (DATABASE_URL ${redactUrl(options.databaseUrl)})`)
    return {
      mode: 'external',
      url: options.databaseUrl,
      serverUrl: withDatabase(options.databaseUrl, 'postgres'),
      close: async () => {},
    }
  }
  const server: RunningPostgres = await startEmbeddedPostgres({
    dataDir: options.embeddedDataDir,
    port: options.embeddedPort,
    profile: 'local',
    log,
  })
  const url = withDatabase(server.url, options.embeddedDatabase ?? 'revops')
  await ensureDatabase(server.url, databaseName(url))
  log(`database: embedded PostgreSQL (${redactUrl(url)}); set DATABASE_URL to use your own`)
  return { mode: 'embedded', url, serverUrl: server.url, close: () => server.stop() }
}

/** Creates a database on the server when it does not exist yet. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<boolean> {
  const sql = connect(serverUrl, { max: 1, applicationName: 'revops-admin' })
  try {
    const [row] = await sql`select 1 as found from pg_database where datname = ${name}`
    if (row) return false
    await sql.unsafe(`create database ${quoteIdent(name)}`).catch((error: { code?: string }) => {
      if (error.code !== '42P04') throw error // created concurrently by another process
    })
    return true
  } finally {
    await sql.end()
  }
}

/** Drops a database, disconnecting anyone still using it. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const sql = connect(serverUrl, { max: 1, applicationName: 'revops-admin' })
  try {
    await sql.unsafe(`drop database if exists ${quoteIdent(name)} with (force)`)
  } finally {
    await sql.end()
  }
}
