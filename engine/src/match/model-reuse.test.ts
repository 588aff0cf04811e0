import { useTestDatabase } from '@revops/db/testing'
import { createDemoFixture, type DemoFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { syncSources } from '../ingest/sync-sources.ts'
import { normalizeTenant } from '../normalize/stage/normalize-tenant.ts'
import { silentLogger } from '../shared/logger.ts'
import { loadMatchingConfig } from './config/load-matching-config.ts'
import { matchTenant } from './match-tenant.ts'
import { decideModelReuse, MIN_ESTIMATION_PAIRS, tooLittleToEstimate } from './model-reuse.ts'

describe('decideModelReuse', () => {
  const stored = { configHash: 'h', estimation: { population: { left: 500, right: 1000 } } }
  const base = { asked: 'auto' as const, stored, configHash: 'h', hasPreviousRun: true }

  it('reuses the stored model while the population is the one it was estimated on', () => {
    expect(decideModelReuse({ ...base, population: { left: 520, right: 990 } }).mode).toBe('incremental')
  })

  it('estimates again when the population changed materially, or nothing says what it was', () => {
    expect(decideModelReuse({ ...base, population: { left: 500, right: 2000 } })).toEqual({
      mode: 'full',
      reason: 'the population changed materially (right records 1000 → 2000)',
    })
    expect(decideModelReuse({ ...base, population: { left: 300, right: 1000 } }).mode).toBe('full')
    const legacy = { ...base, stored: { configHash: 'h', estimation: {} }, population: { left: 1, right: 1 } }
    expect(decideModelReuse(legacy).mode).toBe('full')
    expect(decideModelReuse({ ...base, stored: null, population: { left: 1, right: 1 } }).reason).toBe(
      'no model yet',
    )
  })

  it('refuses to store a model estimated from too few pairs', () => {
    expect(tooLittleToEstimate(0, 0)).toMatch(/too little data/)
    expect(tooLittleToEstimate(MIN_ESTIMATION_PAIRS - 1, 50)).toMatch(/too little data/)
    expect(tooLittleToEstimate(5000, 500)).toBeUndefined()
  })
})

describe('a tenant matched before its first sync', () => {
  const db = useTestDatabase()
  let fixture: DemoFixture

  beforeAll(async () => {
    fixture = await createDemoFixture(db, {
      until: 'seed',
      size: { companies: 60, odooOpportunities: 140, aceOpportunities: 120, billingMonths: 2 },
    })
  }, 120_000)
  afterAll(() => fixture.dispose())

  it('stores no model from nothing, and estimates a useful one once the data is there', async () => {
    const config = await loadMatchingConfig(fixture.tenant)
    const run = () => matchTenant({ sql: db.sql, tenantId: 'demo', config, log: silentLogger })
    const early = await run()
    expect(early.model).toMatchObject({
      action: 'not_estimated',
      reason: expect.stringMatching(/too little data/),
    })
    expect(await db.sql`select 1 from match.models`).toHaveLength(0)

    await syncSources({ productUrl: db.url, tenant: fixture.tenant, mode: 'incremental', log: silentLogger })
    await normalizeTenant({ sql: db.sql, tenant: fixture.tenant, log: silentLogger })
    const later = await run()
    expect(later.model).toEqual({ action: 'estimated', reason: 'no model yet' })
    expect(later.bands.auto_link ?? 0).toBeGreaterThan(40)
    const again = await run()
    expect(again.model.action).toBe('reused')
  })
})
