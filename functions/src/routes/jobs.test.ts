// The jobs routes: the list (newest first, with progress, filtered by status); one job by id is covered
// where jobs are queued (ingestion.test.ts).
import { useTestDatabase } from '@revops/db/testing'
import { enqueueJob, recordJobProgress } from '@revops/engine/ops'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

const db = useTestDatabase()
let app: TestApp

const call: TestApp['call'] = (path, init) => app.call(path, init)

beforeAll(async () => {
  await db.sql`insert into ops.tenants values ('demo', 'Demo')`
  app = await createTestApp(db.sql, db.url, 'demo')
})
afterAll(() => app.close())

describe('GET /api/v1/jobs', () => {
  it('lists jobs newest first with their progress, filtered by status', async () => {
    const { job: first } = await enqueueJob(db.sql, {
      tenantId: 'demo',
      kind: 'sync',
      payload: { mode: 'full' },
    })
    const { job: second } = await enqueueJob(db.sql, { tenantId: 'demo', kind: 'match', payload: {} })
    await db.sql`update ops.jobs set status = 'running' where job_id = ${second.jobId}`
    await recordJobProgress(db.sql, second.jobId, { done: 3, total: 10, message: 'scoring' })
    const all = await call('/api/v1/jobs?limit=5')
    expect(all.status).toBe(200)
    expect(all.body.data.map((j: any) => j.id)).toEqual([second.jobId, first.jobId])
    expect(all.body.data[0]).toMatchObject({
      status: 'running',
      progress: { done: 3, total: 10, message: 'scoring' },
    })
    const running = await call('/api/v1/jobs?status=running')
    expect(running.body.data.map((j: any) => j.id)).toEqual([second.jobId])
    expect((await call('/api/v1/jobs?status=sleeping')).status).toBe(400)
  })
})
