import { describe, expect, it } from 'vitest'
import { migrate, readMigrations } from './migrate.ts'
import { useTestDatabase } from './testing/index.ts'

describe('migrate', () => {
  const db = useTestDatabase({ empty: true })

  it('applies every migration once and records it', async () => {
    const first = await migrate(db.sql)
    const files = await readMigrations()
    expect(first.applied).toEqual(files.map((m) => m.file))
    const second = await migrate(db.sql)
    expect(second.applied).toEqual([])
    expect(second.alreadyApplied).toBe(files.length)
    const schemas = await db.sql<{ nspname: string }[]>`
      select nspname from pg_namespace where nspname in ('raw', 'core', 'search', 'ops') order by 1`
    expect(schemas.map((s) => s.nspname)).toEqual(['core', 'ops', 'raw', 'search'])
  })

  it('refuses a migration whose file changed after it was applied', async () => {
    await db.sql`update ops.schema_migrations set checksum = 'edited' where version = 1`
    await expect(migrate(db.sql)).rejects.toThrow(/changed after it was applied/)
  })
})
