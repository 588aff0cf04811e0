import { useTestDatabase } from '@revops/db/testing'
import { evaluateDecisions } from '@revops/engine/decisions'
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
