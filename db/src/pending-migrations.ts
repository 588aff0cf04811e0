// Tells whether a database is behind the migrations in db/migrations (without changing it).
import type { Sql } from './connect.ts'
import { readMigrations } from './migrate.ts'

export async function pendingMigrations(sql: Sql): Promise<string[]> {
  const migrations = await readMigrations()
  const [table] = await sql<
    { exists: boolean }[]
  >`select to_regclass('ops.schema_migrations') is not null as exists`
  if (!table?.exists) return migrations.map((m) => m.file)
  const applied = await sql<{ version: number }[]>`select version from ops.schema_migrations`
  const done = new Set(applied.map((row) => row.version))
  return migrations.filter((m) => !done.has(m.version)).map((m) => m.file)
}
