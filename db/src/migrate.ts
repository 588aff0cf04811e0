// Applies the numbered, forward-only SQL migrations in db/migrations, each in its own transaction.
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Sql } from './connect.ts'

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url))

/** Any number: a transaction-scoped advisory lock key only this runner uses. */
const MIGRATION_LOCK_KEY = 7_340_215_001

export interface Migration {
  version: number
  name: string
  file: string
  checksum: string
  sql: string
}

export interface MigrateOptions {
  migrationsDir?: string
  log?: (message: string) => void
}

export interface MigrateResult {
  applied: string[]
  alreadyApplied: number
}

const FILE_PATTERN = /^(\d{6})_([a-z0-9_]+)\.sql$/

/** Reads and orders the migration files; refuses gaps and duplicate numbers. */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort()
  const migrations: Migration[] = []
  for (const file of files) {
    const match = FILE_PATTERN.exec(file)
    if (!match) throw new Error(`migration file name ${file} is not NNNNNN_slug.sql`)
    const sql = await readFile(path.join(dir, file), 'utf8')
    migrations.push({
      version: Number(match[1]),
      name: match[2]!,
      file,
      checksum: createHash('sha256').update(sql).digest('hex'),
      sql,
    })
  }
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${migration.file} is out of sequence: expected number ${index + 1}`)
    }
  })
  return migrations
}

/**
 * Brings the database up to the latest migration. Safe to run from several processes at once: each
 * migration takes an advisory lock and re-checks whether another process already applied it. A
 * migration whose file changed after it was applied is an error (migrations are forward-only).
 */
export async function migrate(sql: Sql, options: MigrateOptions = {}): Promise<MigrateResult> {
  const log = options.log ?? (() => {})
  const migrations = await readMigrations(options.migrationsDir)
  await sql`create schema if not exists ops`
  await sql`
    create table if not exists ops.schema_migrations (
      version integer primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )
  `
  const applied: string[] = []
  let alreadyApplied = 0
  for (const migration of migrations) {
    const didApply = await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`
      const [existing] = await tx<{ checksum: string }[]>`
        select checksum from ops.schema_migrations where version = ${migration.version}
      `
      if (existing) {
        if (existing.checksum !== migration.checksum) {
          throw new Error(
            `migration ${migration.file} was changed after it was applied; add a new migration instead`,
          )
        }
        return false
      }
      await tx.unsafe(migration.sql)
      await tx`
        insert into ops.schema_migrations (version, name, checksum)
        values (${migration.version}, ${migration.name}, ${migration.checksum})
      `
      return true
    })
    if (didApply) {
      applied.push(migration.file)
      log(`applied migration ${migration.file}`)
    } else {
      alreadyApplied += 1
    }
  }
  return { applied, alreadyApplied }
}
