import { randomUUID } from 'node:crypto'
import { connect, runtimeRoleUrl, type Sql, WORKER_ROLE } from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import { enqueueJob, getJob } from '@revops/engine/ops'
import { silentLogger } from '@revops/engine/shared'
import { minimalTenant } from '@revops/functions/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runWorker } from './run-worker.ts'
import { createTaskList } from './task-list.ts'
import type { WorkerDeps } from './task-runtime.ts'

const db = useTestDatabase()
let workerSql: Sql

beforeAll(async () => {
  await db.sql`insert into ops.tenants (tenant_id, display_name) values ('acme', 'Acme')`
  workerSql = connect(runtimeRoleUrl(db.url, WORKER_ROLE), { max: 2 })
})
afterAll(() => workerSql.end())

async function settled(jobId: string) {
  for (let i = 0; i < 300; i++) {
    const job = await getJob(db.sql, 'acme', jobId)
    if (job.status === 'succeeded' || job.status === 'failed') return job
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`job ${jobId} did not finish`)
}

describe('defineTask', () => {
  it('fails a job whose input cannot succeed once, instead of retrying it eight times', async () => {
    const deps: WorkerDeps = {
      sql: workerSql,
      databaseUrl: runtimeRoleUrl(db.url, WORKER_ROLE),
      workerId: `jobs-${randomUUID()}`,
      loadTenant: async (tenantId) => minimalTenant(tenantId),
      log: silentLogger,
    }
    const worker = await runWorker({ deps, taskList: createTaskList(deps), pollIntervalMs: 100 })
    try {
      const { job } = await enqueueJob(db.sql, {
        tenantId: 'acme',
        kind: 'decide',
        payload: { asOf: '2026-11-01', ruleset: 'nope' },
      })
      const done = await settled(job.jobId)
      expect(done).toMatchObject({ status: 'failed', attempts: 1 })
      expect(done.lastError).toBe('ruleset nope has no published version')
      // graphile-worker completes it (no retry is scheduled) once the task has returned.
      for (let i = 0; i < 100; i++) {
        const queue = await db.sql`select 1 from graphile_worker.jobs where key = ${`revops:${job.jobId}`}`
        if (queue.length === 0) break
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      const queue =
        await db.sql`select attempts from graphile_worker.jobs where key = ${`revops:${job.jobId}`}`
      expect(queue).toEqual([])
    } finally {
      await worker.stop()
    }
  })
})
