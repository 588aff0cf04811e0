// A real PostgreSQL database per test file, cloned from the migrated template the global setup built.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, inject } from 'vitest'
import { connect, quoteIdent, type Sql, withDatabase } from '../connect.ts'
import { dropDatabase } from '../product-database.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test server's `postgres` database. */
    pgServerUrl: string
    /** Name of the migrated template database. */
    pgTemplate: string
  }
}

export interface TestDatabase {
  name: string
  url: string
  /** Superuser URL of the server, for creating further databases. */
  serverUrl: string
  sql: Sql
}

/** Creates a fresh database (from the migrated template unless `empty`) and connects to it. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = inject('pgServerUrl')
  const name = `test_${randomBytes(5).toString('hex')}`
  const admin = connect(serverUrl, { max: 1, applicationName: 'revops-test-admin' })
  try {
    const template = options.empty ? 'template0' : inject('pgTemplate')
    await admin.unsafe(`create database ${quoteIdent(name)} template ${quoteIdent(template)}`)
  } finally {
    await admin.end()
  }
  const url = withDatabase(serverUrl, name)
  return { name, url, serverUrl, sql: connect(url, { max: 5, applicationName: 'revops-test' }) }
}

/** Drops a database created by createTestDatabase. */
export async function dropTestDatabase(db: TestDatabase): Promise<void> {
  await db.sql.end({ timeout: 5 })
  await dropDatabase(db.serverUrl, db.name)
}

/**
 * Registers beforeAll/afterAll hooks for one database per test file; read `.sql`/`.url` inside tests.
 */
export function useTestDatabase(options: { empty?: boolean } = {}): TestDatabase {
  let db: TestDatabase | undefined
  const handle = {
    get name() {
      return required().name
    },
    get url() {
      return required().url
    },
    get serverUrl() {
      return required().serverUrl
    },
    get sql() {
      return required().sql
    },
  }
  function required(): TestDatabase {
    if (!db) throw new Error('test database is only available inside tests (after beforeAll)')
    return db
  }
  beforeAll(async () => {
    db = await createTestDatabase(options)
  })
  afterAll(async () => {
    if (db) await dropTestDatabase(db)
  })
  return handle
}
