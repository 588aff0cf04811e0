import { describe, expect, it } from 'vitest'
import { useTestDatabase } from './testing/test-database.ts'

const db = useTestDatabase()

// Every migration that adds a tenant's table must also give it row-level security; this keeps them honest.
describe('row-level security', () => {
  it('guards every table that holds a tenant_id with the tenant_isolation policy', async () => {
    const unguarded = await db.sql<{ table: string }[]>`
      select format('%I.%I', n.nspname, c.relname) as table
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
      where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema', 'graphile_worker')
        and not (c.relrowsecurity
                 and exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = 'tenant_isolation'))
      order by 1`
    expect(unguarded.map((row) => row.table)).toEqual([])
  })

  it("makes every view over tenant rows run with the reader's rights", async () => {
    const definerViews = await db.sql<{ view: string }[]>`
      select format('%I.%I', n.nspname, c.relname) as view
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'v' and n.nspname in ('raw', 'core', 'search', 'match', 'ops')
        and not coalesce('security_invoker=true' = any(c.reloptions), false)
      order by 1`
    expect(definerViews.map((row) => row.view)).toEqual([])
  })
})
