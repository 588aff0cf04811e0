// Waiting for a job: its state once it has finished, or its last state when time runs out.
import { useTestDatabase } from '@revops/db/testing'
import { beforeAll, describe, expect, it } from 'vitest'
import { enqueueJob, markJobSucceeded, waitForJob } from './job-store.ts'

const db = useTestDatabase()

beforeAll(async () => {
  await db.sql`insert into ops.tenants values ('acme', 'Acme')`
})

describe('waitForJob', () => {
  it('returns a job once it has finished, and its last state when time runs out', async () => {
    const { job } = await enqueueJob(db.sql, {
      tenantId: 'acme',
      kind: 'sync',
      payload: {},
      reuseActive: false,
    })
    const waiting = await waitForJob(db.sql, 'acme', job.jobId, { timeoutMs: 150, intervalMs: 50 })
    expect(waiting.status).toBe('queued')
    setTimeout(() => void markJobSucceeded(db.sql, job.jobId, { ok: true }), 200)
    const done = await waitForJob(db.sql, 'acme', job.jobId, { timeoutMs: 10_000, intervalMs: 50 })
    expect(done).toMatchObject({ status: 'succeeded', result: { ok: true } })
  })
})
