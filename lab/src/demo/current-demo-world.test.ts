import { dropDatabase } from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import { afterAll, describe, expect, it } from 'vitest'
import { ensureCurrentDemoWorld, readDemoSeedInfo } from './current-demo-world.ts'
import { PHENOMENA_PRESETS } from './phenomena.ts'
import { seedDemoSources } from './seed-demo-sources.ts'

const db = useTestDatabase({ empty: true })
const suffix = Math.random().toString(36).slice(2, 8)
const databases = { odoo: `cw_odoo_${suffix}`, apn: `cw_apn_${suffix}`, truth: `cw_truth_${suffix}` }
const size = { companies: 20, odooOpportunities: 30, aceOpportunities: 25, billingMonths: 2 }

afterAll(async () => {
  for (const name of Object.values(databases)) await dropDatabase(db.serverUrl, name)
})

describe("npm start's demo world", () => {
  it('is generated again around today when it went stale, with the same seed and size', async () => {
    await seedDemoSources({ serverUrl: db.serverUrl, databases, seed: 7, size, anchorDate: '2025-06-01' })
    const log: string[] = []
    const run = (today: string) =>
      ensureCurrentDemoWorld({ serverUrl: db.serverUrl, databases, today, log: (m) => log.push(m) })

    expect(await run('2025-06-05')).toBe('current')
    expect(await run('2026-12-06')).toBe('refreshed')
    expect(log.join('\n')).toMatch(/generated around 2025-06-01; generating it again around 2026-12-06/)
    expect(await readDemoSeedInfo(db.serverUrl, databases.truth)).toEqual({
      seed: 7,
      anchorDate: '2026-12-06',
      size,
      world: 'easy',
      phenomena: PHENOMENA_PRESETS.easy,
    })
    expect(await run('2026-12-07')).toBe('current')
  })
})
