import { useTestDatabase } from '@revops/db/testing'
import { beforeAll, describe, expect, it } from 'vitest'
import { settleContests } from './settle-contests.ts'
import { createTestMatchRun } from './test-match-run.ts'

const db = useTestDatabase()
const config = {
  left: { entity: 'ace_opportunity' },
  right: { entity: 'odoo_opportunity' },
  thresholds: { auto_link: 0.85, review: 0.7 },
} as Parameters<typeof settleContests>[2]

let modelId: string
let runId: string

beforeAll(async () => {
  ;({ modelId, runId } = await createTestMatchRun(db.sql, 'acme'))
})

async function candidate(left: string, right: string, probability: number, selected: boolean) {
  const band = probability >= 0.85 ? 'auto_link' : probability >= 0.7 ? 'review' : 'no_link'
  await db.sql`
    insert into match.candidates (tenant_id, left_entity, left_id, right_entity, right_id, probability, log_odds,
      weight_bits, band, rank, selected, provenance, explanation, model_id, run_id)
    values ('acme', 'ace_opportunity', ${left}, 'odoo_opportunity', ${right}, ${probability}, 0, 0, ${band}, 1,
      ${selected}, '{domain}', '{"competition": {"bits": 0}}', ${modelId}, ${runId})`
}

const state = () =>
  db.sql<{ left_id: string; right_id: string; band: string; contested: unknown }[]>`
    select left_id, right_id, band, explanation -> 'contested' as contested from match.candidates
    where tenant_id = 'acme' order by left_id, right_id`

describe('settleContests', () => {
  it('holds the weaker of two automatic links to one right record for review, naming the stronger', async () => {
    await candidate('A', '1', 0.99, true)
    await candidate('B', '1', 0.93, true)
    await candidate('C', '1', 0.72, true) // already review: stays review, not marked
    await candidate('D', '1', 0.97, false) // not a link of D: not a claim
    await candidate('D', '2', 0.98, true)
    expect(await settleContests(db.sql, 'acme', config)).toBe(1)
    expect(await state()).toEqual([
      { left_id: 'A', right_id: '1', band: 'auto_link', contested: null },
      { left_id: 'B', right_id: '1', band: 'review', contested: { left_id: 'A', probability: 0.99 } },
      { left_id: 'C', right_id: '1', band: 'review', contested: null },
      { left_id: 'D', right_id: '1', band: 'auto_link', contested: null },
      { left_id: 'D', right_id: '2', band: 'auto_link', contested: null },
    ])
    // idempotent
    expect(await settleContests(db.sql, 'acme', config)).toBe(0)
  })

  it('releases a link when the stronger claim goes away, for the right records asked about', async () => {
    await db.sql`update match.candidates set selected = false where left_id = 'A'`
    expect(await settleContests(db.sql, 'acme', config, ['2'])).toBe(0)
    expect(await settleContests(db.sql, 'acme', config, ['1'])).toBe(1)
    const rows = await state()
    expect(rows.find((r) => r.left_id === 'B')).toEqual({
      left_id: 'B',
      right_id: '1',
      band: 'auto_link',
      contested: null,
    })
    expect(await settleContests(db.sql, 'acme', config, [])).toBe(0)
  })
})
