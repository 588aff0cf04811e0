import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { connect, dropDatabase, ensureDatabase, type Sql, withDatabase } from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SourceUnavailableError } from '../shared/errors.ts'
import { silentLogger } from '../shared/logger.ts'
import { syncSources } from './sync-sources.ts'
import { makeTestTenant, type TestTenantOptions } from './testing/test-tenant.ts'

const db = useTestDatabase()
let source: Sql
let sourceUrl: string
const sourceDb = `src_${Math.random().toString(36).slice(2, 10)}`

const tenant = makeTestTenant

const sync = (mode: 'incremental' | 'full' = 'incremental', options: TestTenantOptions = {}) =>
  syncSources({ productUrl: db.url, tenant: tenant(sourceUrl, options), mode, log: silentLogger })

const rawRow = async (table: string, pk: string) => {
  const [row] =
    await db.sql`select * from raw.source_rows where source = 'crm' and table_name = ${table} and source_pk = ${pk}`
  return row
}

beforeAll(async () => {
  await db.sql`insert into ops.tenants (tenant_id, display_name) values ('acme', 'Acme')`
  await ensureDatabase(db.serverUrl, sourceDb)
  sourceUrl = withDatabase(db.serverUrl, sourceDb)
  source = connect(sourceUrl)
  await source`
    create table lead (
      id serial primary key, name varchar, amount numeric(30, 10), probability double precision,
      closes date, created timestamptz, write_date timestamp without time zone not null default now()
    )`
  await source`create table stage (id integer primary key, name jsonb, write_date timestamp)`
  await source`
    insert into lead (name, amount, probability, closes, created, write_date)
    select 'Lead ' || g, (g * 1000)::numeric + 0.1234567891, g / 3.0, date '2026-01-01' + g,
           timestamptz '2026-03-01 12:00:00+02' + g * interval '1 hour', timestamp '2026-01-01' + g * interval '1 minute'
    from generate_series(1, 250) g`
  await source`insert into lead (name, amount, write_date) values ('Big', 12345678901234567890.1234567890, '2026-06-01')`
  await source`insert into stage values (1, '{"en_US": "Won", "fr_FR": "Gagné"}', '2026-01-01'), (2, '{"en_US": "New"}', null)`
})

afterAll(async () => {
  await source.end()
  await dropDatabase(db.serverUrl, sourceDb)
})

describe('syncSources', () => {
  it('mirrors every row with exact values, reports a missing table and counts per table', async () => {
    const report = await sync()
    expect(report.status).toBe('succeeded')
    expect(report.tables.find((t) => t.table === 'not_there')).toMatchObject({
      status: 'skipped',
      message: expect.stringMatching(/does not exist/),
    })
    const runs = await db.sql<
      { table_name: string; status: string; rows_read: string; rows_inserted: string }[]
    >`
      select table_name, status, rows_read, rows_inserted from ops.sync_runs order by table_name`
    expect(runs).toEqual([
      { table_name: 'lead', status: 'succeeded', rows_read: '251', rows_inserted: '251' },
      { table_name: 'not_there', status: 'skipped', rows_read: '0', rows_inserted: '0' },
      { table_name: 'stage', status: 'succeeded', rows_read: '2', rows_inserted: '2' },
    ])
    const big = await rawRow('lead', '251')
    expect(big!.doc.name).toBe('Big')
    // JSONB keeps the numeric exactly (JavaScript numbers could not):
    const [exact] =
      await db.sql`select doc->>'amount' as amount from raw.source_rows where source_pk = '251' and table_name = 'lead'`
    expect(exact!.amount).toBe('12345678901234567890.1234567890')
    const first = await rawRow('lead', '1')
    expect(first!.doc).toMatchObject({
      name: 'Lead 1',
      closes: '2026-01-02',
      created: '2026-03-01T11:00:00+00:00',
      write_date: '2026-01-01T00:01:00',
    })
    expect((await rawRow('stage', '1'))!.doc.name).toEqual({ en_US: 'Won', fr_FR: 'Gagné' })
    const [missing] = await db.sql`select status from raw.source_tables where table_name = 'not_there'`
    expect(missing!.status).toBe('missing')
  })

  it('changes nothing when run again', async () => {
    const before =
      await db.sql`select source_pk, change_seq, row_hash from raw.source_rows order by table_name, source_pk`
    const report = await sync('incremental', { tables: ['lead', 'stage'] })
    expect(report.status).toBe('succeeded')
    expect(report.tables.map((t) => [t.table, t.inserted, t.updated, t.deleted])).toEqual([
      ['lead', 0, 0, 0],
      ['stage', 0, 0, 0],
    ])
    const after =
      await db.sql`select source_pk, change_seq, row_hash from raw.source_rows order by table_name, source_pk`
    expect(after).toEqual(before)
  })

  it('picks up changed and new rows by watermark', async () => {
    await source`update lead set name = 'Renamed', write_date = '2026-07-01' where id in (3, 4)`
    await source`insert into lead (name, write_date) values ('New lead', '2026-07-02')`
    const report = await sync('incremental', { tables: ['lead'] })
    const lead = report.tables[0]!
    expect(lead.pass).toBe('incremental')
    // The row at exactly the stored watermark is read again (ties are never skipped) and is unchanged.
    expect([lead.rowsRead, lead.inserted, lead.updated, lead.unchanged]).toEqual([4, 1, 2, 1])
    expect((await rawRow('lead', '3'))!.doc.name).toBe('Renamed')
  })

  it('records schema changes and keeps syncing', async () => {
    await source`alter table lead add column region text`
    await source`alter table lead drop column probability`
    await source`alter table lead alter column name type text`
    await source`update lead set region = 'EMEA', write_date = '2026-08-01' where id = 5`
    const report = await sync('incremental', { tables: ['lead'] })
    expect(report.tables[0]!.schemaChanges.map((c) => `${c.change}:${c.column}`).sort()).toEqual([
      'column_added:region',
      'column_removed:probability',
      'type_changed:name',
    ])
    const changes =
      await db.sql`select change, column_name from raw.schema_changes where table_name = 'lead' and column_name is not null`
    expect(changes).toHaveLength(3)
    expect((await rawRow('lead', '5'))!.doc.region).toBe('EMEA')
  })

  it('reconciles deletions on a full sync, and a row that returns is live again', async () => {
    await source`delete from lead where id = 7`
    const incremental = await sync('incremental', { tables: ['lead'] })
    expect(incremental.tables[0]!.deleted).toBe(0)
    const full = await sync('full', { tables: ['lead'] })
    expect(full.tables[0]!.deleted).toBe(1)
    expect((await rawRow('lead', '7'))!.deleted_at).not.toBeNull()
    await source`insert into lead (id, name, write_date) values (7, 'Back', '2026-09-01')`
    const back = await sync('incremental', { tables: ['lead'] })
    expect(back.tables[0]!.updated).toBe(1)
    expect((await rawRow('lead', '7'))!.deleted_at).toBeNull()
  })

  it('resumes a full pass stopped between batches without loss or duplicates', async () => {
    const controller = new AbortController()
    const report = await syncSources({
      productUrl: db.url,
      tenant: tenant(sourceUrl, { batchSize: 50, tables: ['lead'] }),
      mode: 'full',
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 100) controller.abort()
      },
      log: silentLogger,
    })
    expect(report.tables[0]!.status).toBe('interrupted')
    expect(report.tables[0]!.rowsRead).toBe(100)
    const resumed = await sync('incremental', { batchSize: 50, tables: ['lead'] })
    expect(resumed.tables[0]!.pass).toBe('full')
    const [counts] = await source`select count(*)::int as n from lead`
    expect(resumed.tables[0]!.rowsRead).toBe(counts!.n - 100)
    const [mirrored] =
      await db.sql`select count(*)::int as n from raw.source_rows where table_name = 'lead' and deleted_at is null`
    expect(mirrored!.n).toBe(counts!.n)
  })

  it('resumes after the syncing process is killed', async () => {
    await source`insert into lead (name, write_date) select 'Bulk ' || g, '2026-10-01' from generate_series(1, 3000) g`
    const child = fork(
      fileURLToPath(new URL('./testing/sync-child.ts', import.meta.url)),
      [db.url, sourceUrl],
      {
        stdio: 'inherit',
      },
    )
    // Kill it hard as soon as some batches have committed.
    for (let i = 0; i < 400; i++) {
      const [run] =
        await db.sql`select rows_read::int as n from ops.sync_runs where table_name = 'lead' and status = 'running'`
      if (run && run.n > 0) break
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    const exited = new Promise((resolve) =>
      child.exitCode !== null ? resolve(null) : child.once('exit', resolve),
    )
    child.kill('SIGKILL')
    await exited
    const report = await sync('incremental', { tables: ['lead'] })
    expect(report.tables[0]!.status).toBe('succeeded')
    const [interrupted] =
      await db.sql`select count(*)::int as n from ops.sync_runs where status = 'interrupted'`
    expect(interrupted!.n).toBeGreaterThan(0)
    const [counts] =
      await source`select count(*)::int as n, md5(string_agg(id::text, ',' order by id)) as ids from lead`
    const [mirrored] = await db.sql`
      select count(*)::int as n, md5(string_agg(source_pk, ',' order by source_pk::int)) as ids
      from raw.source_rows where table_name = 'lead' and deleted_at is null`
    expect(mirrored).toEqual(counts)
  })

  it('fails clearly when the source is unreachable and writes nothing', async () => {
    const before = await db.sql`select count(*)::int as n from raw.source_rows`
    const unreachable = syncSources({
      productUrl: db.url,
      tenant: tenant('postgres://nobody:secret@127.0.0.1:1/none'),
      mode: 'incremental',
      log: silentLogger,
    })
    await expect(unreachable).rejects.toBeInstanceOf(SourceUnavailableError)
    await expect(unreachable).rejects.toThrow(/unreachable \(connection refused\).*\*\*\*/)
    const after = await db.sql`select count(*)::int as n from raw.source_rows`
    expect(after).toEqual(before)
    const [sync] = await db.sql`select status from ops.syncs order by sync_id desc limit 1`
    expect(sync!.status).toBe('failed')
  })
})
