import { randomUUID } from 'node:crypto'
import { connect, ensureDatabase, runtimeRoleUrl, type Sql, WORKER_ROLE, withDatabase } from '@revops/db'
import { type RestartableServer, startRestartableServer, useTestDatabase } from '@revops/db/testing'
import { enqueueJob, getJob } from '@revops/engine/ops'
import { silentLogger } from '@revops/engine/shared'
import { makeTestTenant } from '@revops/engine/testing'
import { createTestApp, type TestApp } from '@revops/functions/testing'
import { createTaskList, type RunningWorker, runWorker, type WorkerDeps } from '@revops/worker'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from './fault-environment.ts'

// A source database that refuses connections, then comes back: the sync job says why it waits, retries
// with growing pauses, and succeeds once the source answers, without anyone pressing a button.
const db = useTestDatabase()
let server: RestartableServer
let sourceUrl: string
let workerSql: Sql
let worker: RunningWorker
let app: TestApp

beforeAll(async () => {
  await db.sql`insert into ops.tenants (tenant_id, display_name) values ('acme', 'Acme')`
  server = await startRestartableServer()
  await ensureDatabase(server.url, 'crm')
  sourceUrl = withDatabase(server.url, 'crm')
  const source = connect(sourceUrl)
  await source`create table lead (id integer primary key, name text, write_date timestamp)`
  await source`insert into lead select g, 'Lead ' || g, '2026-10-01' from generate_series(1, 500) g`
  await source.end()
  const tenant = makeTestTenant(sourceUrl, { tables: ['lead'] })
  app = await createTestApp(db.sql, db.url, tenant)
  workerSql = connect(runtimeRoleUrl(db.url, WORKER_ROLE), { max: 2 })
  const deps: WorkerDeps = {
    sql: workerSql,
    databaseUrl: runtimeRoleUrl(db.url, WORKER_ROLE),
    workerId: `jobs-${randomUUID()}`,
    loadTenant: async () => tenant,
    log: silentLogger,
  }
  worker = await runWorker({ deps, taskList: createTaskList(deps), pollIntervalMs: 200 })
}, 60_000)
afterAll(async () => {
  await worker?.stop()
  await workerSql?.end()
  await app?.close()
  await server?.dispose()
})

describe('a source that is down, then back', () => {
  it('retries with backoff, saying why meanwhile, and syncs once the source answers', async () => {
    await server.stop()
    const { job } = await enqueueJob(db.sql, {
      tenantId: 'acme',
      kind: 'sync',
      payload: { mode: 'full' },
      maxAttempts: 6,
    })
    const waiting = await eventually(
      () => getJob(db.sql, 'acme', job.jobId),
      (current) => current.attempts >= 1 && current.status === 'queued' && current.lastError !== null,
    )
    expect(waiting.lastError).toMatch(/source "crm" is unreachable \(connection refused\)/)
    // The retry was put off: its run_at lies seconds after the job was queued (not compared with now, nor
    // with the row's updated_at: on a loaded machine the short first backoff may have passed and the next
    // attempt locked the row, which moves updated_at but keeps the run_at it was scheduled for).
    const [queued] = await db.sql<{ backing_off: boolean }[]>`
      select run_at > created_at + interval '1 second' as backing_off
      from graphile_worker.jobs where key = ${`revops:${job.jobId}`}`
    expect(queued!.backing_off).toBe(true)
    const health = await app.call('/api/v1/health/details')
    expect(health.body.data.last_sync).toMatchObject({ status: 'failed' })

    await server.start()
    const done = await eventually(
      () => getJob(db.sql, 'acme', job.jobId),
      (current) => current.status === 'succeeded' || current.status === 'failed',
      45_000,
    )
    expect(done.status).toBe('succeeded')
    expect(done.attempts).toBeGreaterThanOrEqual(2)
    expect(done.result).toMatchObject({ status: 'succeeded', tables: [{ table: 'lead', read: 500 }] })
    const after = await app.call('/api/v1/health/details')
    expect(after.body.data.last_sync).toMatchObject({ status: 'succeeded' })
  })
})
