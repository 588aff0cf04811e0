import { fork } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import {
  connect,
  dropDatabase,
  ensureDatabase,
  runtimeRoleUrl,
  type Sql,
  WORKER_ROLE,
  withDatabase,
} from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import { enqueueJob, getJob } from '@revops/engine/ops'
import { silentLogger } from '@revops/engine/shared'
import { makeTestTenant } from '@revops/engine/testing'
import { createTestApp, type TestApp } from '@revops/functions/testing'
import { createTaskList, runWorker, type WorkerDeps } from '@revops/worker'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from './fault-environment.ts'

// A worker process is killed with SIGKILL in the middle of a job. The job is not left `running` for
// good: /health says the work is stuck, a new request never reuses the dead job, the next worker puts it
// back in the queue at once and runs it to the end, and nothing is lost or written twice.
const db = useTestDatabase()
const ROWS = 20_000
const sourceDb = `src_${Math.random().toString(36).slice(2, 10)}`
let sourceUrl = ''
let source: Sql
let workerSql: Sql
let app: TestApp

beforeAll(async () => {
  await db.sql`insert into ops.tenants (tenant_id, display_name) values ('acme', 'Acme')`
  await ensureDatabase(db.serverUrl, sourceDb)
  sourceUrl = withDatabase(db.serverUrl, sourceDb)
  source = connect(sourceUrl)
  await source`create table lead (id integer primary key, name text, write_date timestamp)`
  await source`insert into lead select g, 'Lead ' || g, '2026-10-01' from generate_series(1, ${ROWS}) g`
  workerSql = connect(runtimeRoleUrl(db.url, WORKER_ROLE), { max: 2 })
  app = await createTestApp(db.sql, db.url, makeTestTenant(sourceUrl, { tables: ['lead'] }))
}, 60_000)
afterAll(async () => {
  await app.close()
  await workerSql.end()
  await source.end()
  await dropDatabase(db.serverUrl, sourceDb)
})

describe('a worker killed mid-job', () => {
  it('leaves nothing stuck: the next worker runs the job to the end, without duplicates', async () => {
    const { job } = await enqueueJob(db.sql, { tenantId: 'acme', kind: 'sync', payload: { mode: 'full' } })
    const child = fork(
      fileURLToPath(new URL('../../../worker/src/testing/worker-child.ts', import.meta.url)),
      [runtimeRoleUrl(db.url, WORKER_ROLE), sourceUrl],
      { stdio: 'inherit' },
    )
    const exited = new Promise((resolve) => child.once('exit', resolve))
    await eventually(
      () => db.sql<{ n: number }[]>`select rows_read::int as n from ops.sync_runs where status = 'running'`,
      (rows) => (rows[0]?.n ?? 0) > 0,
    )
    child.kill('SIGKILL')
    await exited
    const [dead] = await db.sql<{ worker_id: string; status: string }[]>`
      select worker_id, status from ops.jobs where job_id = ${job.jobId}`
    expect(dead!.status).toBe('running')

    // Time passes: the dead worker's heartbeat goes quiet (it beat every 300 ms while alive).
    await db.sql`update ops.worker_heartbeats set last_seen_at = now() - interval '5 minutes' where worker_id = ${dead!.worker_id}`
    const health = await app.call('/api/v1/health/details')
    expect(health.body.data).toMatchObject({
      status: 'degraded',
      jobs: { stuck: 1 },
      stuck_jobs: [{ job_id: job.jobId, kind: 'sync', worker_id: dead!.worker_id }],
    })
    // Asking again for the same sync does not hand back the job of a dead worker.
    const again = await app.call('/api/v1/ingestion/all/sync', { method: 'POST', json: { mode: 'full' } })
    expect(again.status).toBe(202)
    expect(again.body.data.id).not.toBe(job.jobId)

    const deps: WorkerDeps = {
      sql: workerSql,
      databaseUrl: runtimeRoleUrl(db.url, WORKER_ROLE),
      workerId: `jobs-${randomUUID()}`,
      loadTenant: async () => makeTestTenant(sourceUrl, { batchSize: 500, tables: ['lead'] }),
      log: silentLogger,
    }
    const worker = await runWorker({ deps, taskList: createTaskList(deps), pollIntervalMs: 100 })
    try {
      const done = await eventually(
        () => getJob(db.sql, 'acme', job.jobId),
        (current) => current.status === 'succeeded' || current.status === 'failed',
        60_000,
      )
      expect(done).toMatchObject({ status: 'succeeded', attempts: 2 })
      await eventually(
        () => getJob(db.sql, 'acme', again.body.data.id),
        (current) => current.status === 'succeeded',
        60_000,
      )
    } finally {
      await worker.stop()
    }
    const [mirrored] = await db.sql<{ n: number; distinct_keys: number }[]>`
      select count(*)::int as n, count(distinct source_pk)::int as distinct_keys
      from raw.source_rows where table_name = 'lead' and deleted_at is null`
    expect(mirrored).toEqual({ n: ROWS, distinct_keys: ROWS })
    const leftovers = await db.sql`
      select 'job' as what from ops.jobs where status in ('queued', 'running')
      union all select 'sync run' from ops.sync_runs where status = 'running'
      union all select 'queue' from graphile_worker.jobs`
    expect(leftovers).toEqual([])
    const [heartbeat] = await db.sql<{ stopped: boolean }[]>`
      select stopped_at is not null as stopped from ops.worker_heartbeats where worker_id = ${dead!.worker_id}`
    expect(heartbeat!.stopped).toBe(true)
  })
})
