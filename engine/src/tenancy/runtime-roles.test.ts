import { API_ROLE, connect, runtimeRoleUrl, type Sql, WORKER_ROLE } from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enqueueJob } from '../ops/job-store.ts'
import { createApiKey } from './api-keys.ts'
import { connectForJob, createApiDatabase } from './tenant-sql.ts'

// The database itself keeps the runtime roles inside one tenant: what a session presented at connection
// start decides its tenant, and nothing the session runs can change that.
const db = useTestDatabase()
let keys: { acme: string; other: string }
let api: ReturnType<typeof createApiDatabase>
const clients: Sql[] = []

const tenantsSeen = async (sql: Sql) =>
  (await sql<{ tenant_id: string }[]>`select distinct tenant_id from core.odoo_opportunities order by 1`).map(
    (row) => row.tenant_id,
  )

beforeAll(async () => {
  await db.sql`insert into ops.tenants values ('acme', 'Acme'), ('other', 'Other')`
  await db.sql`
    insert into core.odoo_opportunities (tenant_id, lead_id, title, raw_pk)
    values ('acme', 1, 'Acme deal', '1'), ('other', 2, 'Other deal', '2')`
  keys = {
    acme: (await createApiKey(db.sql, 'acme', 'a')).key,
    other: (await createApiKey(db.sql, 'other', 'o')).key,
  }
  api = createApiDatabase(runtimeRoleUrl(db.url, API_ROLE))
})
afterAll(async () => {
  await api.close()
  await Promise.all(clients.map((sql) => sql.end()))
})

describe('the API role', () => {
  it('logs in as neither superuser nor owner', async () => {
    const [role] = await api.sql<{ user: string; superuser: boolean; bypass: boolean }[]>`
      select current_user as user, rolsuper as superuser, rolbypassrls as bypass from pg_roles where rolname = current_user`
    expect(role).toEqual({ user: 'revops_app', superuser: false, bypass: false })
    const [owner] = await db.sql<{ owner: string }[]>`
      select tableowner as owner from pg_tables where schemaname = 'core' and tablename = 'odoo_opportunities'`
    expect(owner!.owner).not.toBe('revops_app')
  })

  it("sees the rows of its key's tenant only, and no setting switches it", async () => {
    const acme = api.forKey(keys.acme)
    expect(await tenantsSeen(acme)).toEqual(['acme'])
    for (const statement of [
      "set app.tenant_id = 'other'",
      `set app.job_id = '00000000-0000-4000-8000-000000000000'`,
      'reset role',
      "set role 'postgres'",
    ]) {
      const seen = await acme
        .begin(async (tx) => {
          await tx.unsafe(statement)
          return tenantsSeen(tx as unknown as Sql)
        })
        .catch((error: { code?: string }) => error.code)
      // Either the statement is refused, or it changes nothing.
      expect([['acme'], '42501', '22023']).toContainEqual(seen)
    }
    // Presenting something that is not a live key shows nothing at all.
    const forged = connect(runtimeRoleUrl(db.url, API_ROLE), {
      parameters: { 'app.api_key': 'rk_forged_000000000000000000' },
    })
    clients.push(forged)
    expect(await tenantsSeen(forged)).toEqual([])
    expect(await tenantsSeen(api.sql)).toEqual([])
  })

  it('cannot read keys, queue work for another tenant, or release workers', async () => {
    const acme = api.forKey(keys.acme)
    await expect(acme`select * from ops.api_keys`).rejects.toMatchObject({ code: '42501' })
    await expect(enqueueJob(acme, { tenantId: 'other', kind: 'sync', payload: {} })).rejects.toThrow(
      /cannot queue work for tenant other/,
    )
    await expect(acme`select * from ops.release_dead_workers(30)`).rejects.toMatchObject({ code: '42501' })
    await expect(acme`select * from graphile_worker.jobs`).rejects.toMatchObject({ code: '42501' })
    const { job } = await enqueueJob(acme, { tenantId: 'acme', kind: 'sync', payload: {} })
    expect(job).toMatchObject({ tenantId: 'acme', requestedBy: 'a' })
  })

  it('stops seeing anything the moment its key is revoked', async () => {
    const { key } = await createApiKey(db.sql, 'acme', 'short-lived')
    const client = api.forKey(key)
    expect(await tenantsSeen(client)).toEqual(['acme'])
    await db.sql`update ops.api_keys set revoked_at = now() where name = 'short-lived'`
    expect(await tenantsSeen(client)).toEqual([])
  })
})

describe('the worker role', () => {
  it('sees the tenant of the job it presents, while that job is queued or running, and nothing else', async () => {
    const { job } = await enqueueJob(db.sql, { tenantId: 'other', kind: 'sync', payload: {} })
    const bound = connectForJob(runtimeRoleUrl(db.url, WORKER_ROLE), job.jobId)
    const unbound = connect(runtimeRoleUrl(db.url, WORKER_ROLE))
    clients.push(bound, unbound)
    expect(await tenantsSeen(bound)).toEqual(['other'])
    expect(await tenantsSeen(unbound)).toEqual([])
    await expect(
      bound`insert into core.odoo_opportunities (tenant_id, lead_id, raw_pk) values ('acme', 9, '9')`,
    ).rejects.toThrow(/row-level security/)
    await db.sql`update ops.jobs set status = 'succeeded' where job_id = ${job.jobId}`
    expect(await tenantsSeen(bound)).toEqual([])
  })

  it('cannot present a job through the API role', async () => {
    const { job } = await enqueueJob(db.sql, { tenantId: 'acme', kind: 'sync', payload: {} })
    const apiWithJob = connect(runtimeRoleUrl(db.url, API_ROLE), { parameters: { 'app.job_id': job.jobId } })
    clients.push(apiWithJob)
    expect(await tenantsSeen(apiWithJob)).toEqual([])
  })
})

describe('attribution', () => {
  it('stamps what a key records with the key, whatever the statement says', async () => {
    const acme = api.forKey(keys.acme)
    await acme`
      insert into ops.audit_events (tenant_id, actor, action, subject_type, subject_id)
      values ('acme', 'Chief Financial Officer', 'test.act', 'test', '1')`
    const [event] = await db.sql<{ actor: string; actor_key_id: string }[]>`
      select actor, actor_key_id::text from ops.audit_events where action = 'test.act'`
    const [key] = await db.sql<{ key_id: string }[]>`select key_id::text from ops.api_keys where name = 'a'`
    expect(event).toEqual({ actor: 'a', actor_key_id: key!.key_id })
  })
})
