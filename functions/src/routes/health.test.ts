// Health (public liveness and readiness; details behind a key), the contract and its docs page, and
// unknown routes in the envelope.
import { useTestDatabase } from '@revops/db/testing'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../testing/test-app.ts'

const db = useTestDatabase()
const app = useTestApp(db)
const json = app.call

describe('health, docs and unknown routes', () => {
  it('reports health and serves the contract and its docs page', async () => {
    const health = await json('/api/v1/health', { key: null })
    expect(health.status).toBe(200)
    // Public: liveness and readiness only, nothing about any tenant.
    expect(health.body.data).toEqual({
      status: 'degraded',
      database: { ok: true, latency_ms: expect.any(Number) },
      worker: { ok: false },
    })
    expect((await json('/api/v1/health/details', { key: null })).status).toBe(401)
    const details = await json('/api/v1/health/details')
    expect(details.body.data).toMatchObject({ jobs: { stuck: 0 }, stuck_jobs: [], last_sync: null })
    const spec = await json('/api/openapi.json', { key: null })
    expect(spec.body.openapi).toBe('3.1.0')
    expect(Object.keys(spec.body.paths)).toContain('/api/v1/opportunities/{id}')
    const docs = await app.request('/api/docs', { key: null })
    expect(await docs.text()).toContain('swagger-ui-bundle.js')
    expect((await app.request('/api/docs/assets/swagger-ui.css', { key: null })).status).toBe(200)
    const missing = await json('/api/v1/nothing-here')
    expect(missing.status).toBe(404)
    expect(missing.body.error.code).toBe('not_found')
  })
})
