import { useTestDatabase } from '@revops/db/testing'
import { evaluateDecisions } from '@revops/engine/decisions'
import { enqueueJob, recordJobProgress } from '@revops/engine/ops'
import { AS_OF, createDecisionsFixture, type DecisionsFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

const db = useTestDatabase()
let fixture: DecisionsFixture
let app: TestApp

const call: TestApp['call'] = (path, init) => app.call(path, init)

beforeAll(async () => {
  fixture = await createDecisionsFixture(db)
  await evaluateDecisions(db.sql, { tenant: fixture.tenant, asOf: AS_OF })
  app = await createTestApp(db.sql, db.url, fixture.tenant)
}, 120_000)
afterAll(async () => {
  await app.close()
  await fixture.dispose()
})

describe('GET /api/v1/dashboard', () => {
  it('reports every panel for the tenant of the key', async () => {
    const { status, body } = await call('/api/v1/dashboard')
    expect(status).toBe(200)
    const data = body.data
    expect(data.opportunities.ace).toBe(fixture.truth.length)
    expect(data.decisions.total).toBe(fixture.truth.length)
    expect(data.decisions.by_outcome).toHaveLength(3)
    expect(data.value_at_stake).toMatchObject({
      currency: 'USD',
      approved: { monthly_spend: expect.any(String) },
    })
    expect(data.match_quality.ace_total).toBe(fixture.truth.length)
    expect(data.data_quality.open).toBeGreaterThan(0)
    expect(data.syncs[0]).toMatchObject({ status: 'succeeded' })
    expect(body.metadata.correlation_id).toBeTruthy()
  })

  it('validates the history length and needs an API key', async () => {
    const invalid = await call('/api/v1/dashboard?days=0')
    expect(invalid.status).toBe(400)
    expect(invalid.body.error.message).toContain('query.days')
    expect((await call('/api/v1/dashboard', { key: null })).status).toBe(401)
  })
})

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
