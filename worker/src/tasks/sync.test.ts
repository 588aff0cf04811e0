import { randomUUID } from 'node:crypto'
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
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runWorker } from '../run-worker.ts'
import { createTaskList } from '../task-list.ts'
import type { WorkerDeps } from '../task-runtime.ts'

const db = useTestDatabase()
// The worker logs in as its runtime role, as deployed (never as the owner).
const workerUrl = () => runtimeRoleUrl(db.url, WORKER_ROLE)
let workerSql: Sql
const sourceDb = `src_${Math.random().toString(36).slice(2, 10)}`
let sourceUrl = ''

async function waitForJob(jobId: string, statuses: string[]) {
  for (let i = 0; i < 300; i++) {
    const job = await getJob(db.sql, 'acme', jobId)
    if (statuses.includes(job.status)) return job
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`job ${jobId} never reached ${statuses.join('/')}`)
}

beforeAll(async () => {
  await db.sql`insert into ops.tenants (tenant_id, display_name) values ('acme', 'Acme')`
  workerSql = connect(workerUrl(), { max: 2 })
  await ensureDatabase(db.serverUrl, sourceDb)
  sourceUrl = withDatabase(db.serverUrl, sourceDb)
  const source = connect(sourceUrl)
  await source`create table lead (id integer primary key, name text, write_date timestamp)`
  await source`insert into lead select g, 'Lead ' || g, now() from generate_series(1, 40) g`
  await source.end()
})
afterAll(async () => {
  await workerSql.end()
  await dropDatabase(db.serverUrl, sourceDb)
})

describe('sync task', () => {
  it('runs a queued sync job and records its result and progress', async () => {
    const deps: WorkerDeps = {
      sql: workerSql,
      databaseUrl: workerUrl(),
      workerId: `jobs-${randomUUID()}`,
      loadTenant: async () => makeTestTenant(sourceUrl, { tables: ['lead'] }),
      log: silentLogger,
    }
    const worker = await runWorker({ deps, taskList: createTaskList(deps), pollIntervalMs: 100 })
    try {
      const { job, created } = await enqueueJob(db.sql, {
        tenantId: 'acme',
        kind: 'sync',
        payload: { mode: 'full' },
        reuseActive: true,
      })
      expect(created).toBe(true)
      const again = await enqueueJob(db.sql, {
        tenantId: 'acme',
        kind: 'sync',
        payload: { mode: 'full' },
        reuseActive: true,
      })
      expect(again.job.jobId).toBe(job.jobId)
      const done = await waitForJob(job.jobId, ['succeeded', 'failed'])
      expect(done.status).toBe('succeeded')
      expect(done.result).toMatchObject({
        status: 'succeeded',
        tables: [{ table: 'lead', read: 40, inserted: 40 }],
      })
      expect(done.attempts).toBe(1)
    } finally {
      await worker.stop()
    }
  })

  it('retries with backoff when the source is unreachable, keeping the error', async () => {
    const deps: WorkerDeps = {
      sql: workerSql,
      databaseUrl: workerUrl(),
      workerId: `jobs-${randomUUID()}`,
      loadTenant: async () => makeTestTenant('postgres://x:y@127.0.0.1:1/none', { tables: ['lead'] }),
      log: silentLogger,
    }
    const worker = await runWorker({ deps, taskList: createTaskList(deps), pollIntervalMs: 100 })
    try {
      const { job } = await enqueueJob(db.sql, {
        tenantId: 'acme',
        kind: 'sync',
        payload: {},
        maxAttempts: 3,
      })
      for (let i = 0; i < 200; i++) {
        const current = await getJob(db.sql, 'acme', job.jobId)
        if (current.attempts >= 1 && current.status === 'queued' && current.lastError) break
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      const current = await getJob(db.sql, 'acme', job.jobId)
      expect(current.status).toBe('queued')
      expect(current.lastError).toMatch(/source "crm" is unreachable \(connection refused\)/)
      // graphile-worker records the failed attempt (and the backoff) once the task has thrown.
      const backingOff = async () => {
        const [row] = await db.sql<{ attempts: number; backing_off: boolean }[]>`
          select attempts, run_at > now() as backing_off from graphile_worker.jobs where key = ${`revops:${job.jobId}`}`
        return row
      }
      for (let i = 0; i < 100 && !(await backingOff())?.backing_off; i++)
        await new Promise((resolve) => setTimeout(resolve, 50))
      expect(await backingOff()).toMatchObject({ attempts: 1, backing_off: true })
    } finally {
      await worker.stop()
    }
  })

  it('rejects an invalid payload without retrying', async () => {
    const { job } = await enqueueJob(db.sql, {
      tenantId: 'acme',
      kind: 'sync',
      payload: { mode: 'sideways' },
    })
    const deps: WorkerDeps = {
      sql: workerSql,
      databaseUrl: workerUrl(),
      workerId: `jobs-${randomUUID()}`,
      loadTenant: async () => makeTestTenant(sourceUrl),
      log: silentLogger,
    }
    const worker = await runWorker({ deps, taskList: createTaskList(deps), pollIntervalMs: 100 })
    try {
      const failed = await waitForJob(job.jobId, ['failed'])
      expect(failed.lastError).toMatch(/invalid job payload/)
    } finally {
      await worker.stop()
    }
  })
})
