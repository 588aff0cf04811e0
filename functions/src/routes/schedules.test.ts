// GET /api/v1/schedules: the tenant's own schedules with their last and next run, never another's runs.
import { useTestDatabase } from '@revops/db/testing'
import { tenantConfigSchema } from '@revops/engine/config'
import { minimalTenant } from '@revops/functions/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

const db = useTestDatabase()
let app: TestApp

beforeAll(async () => {
  await db.sql`insert into ops.tenants values ('acme', 'Acme'), ('other', 'Other')`
  const base = minimalTenant('acme')
  const config = tenantConfigSchema.parse({
    ...base.config,
    schedules: [{ name: 'hourly', task: 'pipeline', cron: '0 * * * *', timezone: 'Europe/Berlin' }],
  })
  app = await createTestApp(db.sql, db.url, { ...base, config })
  for (const tenant of ['acme', 'other'])
    await db.sql`select * from ops.queue_scheduled_run(${tenant}, 'hourly', '2026-12-07T10:00:00Z', 'pipeline', '{}'::jsonb)`
})
afterAll(() => app.close())

describe('GET /api/v1/schedules', () => {
  it('lists each schedule with its last run and the next one', async () => {
    const { status, body } = await app.call('/api/v1/schedules')
    expect(status).toBe(200)
    expect(body.data).toEqual([
      expect.objectContaining({
        name: 'hourly',
        task: 'pipeline',
        timezone: 'Europe/Berlin',
        last_run_at: '2026-12-07T10:00:00.000Z',
        last_outcome: 'queued',
        next_run_at: expect.stringMatching(/T\d\d:00:00\.000Z$/),
      }),
    ])
    expect(Date.parse(body.data[0].next_run_at)).toBeGreaterThan(Date.now())
  })
})
