import { useTestDatabase } from '@revops/db/testing'
import { beforeAll, describe, expect, it } from 'vitest'
import { settleJointLinks } from './joint-links.ts'
import { createTestMatchRun } from './test-match-run.ts'

const db = useTestDatabase()
const config = {
  left: { entity: 'ace_opportunity' },
  right: { entity: 'odoo_opportunity' },
  one_to_one: false,
  second_claim_odds: 0.05,
} as Parameters<typeof settleJointLinks>[2]

let modelId: string
let runId: string

beforeAll(async () => {
  ;({ modelId, runId } = await createTestMatchRun(db.sql, 'acme'))
})

/** A stored candidate as a run leaves it: its own probability, its weight, its comparisons. */
async function candidate(left: string, right: string, weightBits: number, titleBits: number) {
  const explanation = {
    prior: { lambda: 0.9, stratum: null, candidates: 2, bits: 2 },
    contributions: [
      { comparison: 'company_name', level: 'same name', value: 1, bits: 8, m: 0.9, u: 0.01 },
      {
        comparison: 'title',
        level: titleBits > 0 ? 'similar' : 'different',
        value: null,
        bits: titleBits,
        m: 0.5,
        u: 0.5,
      },
    ],
    competition: { bits: 0 },
  }
  await db.sql`
    insert into match.candidates (tenant_id, left_entity, left_id, right_entity, right_id, probability, log_odds,
      weight_bits, band, rank, selected, provenance, explanation, model_id, run_id)
    values ('acme', 'ace_opportunity', ${left}, 'odoo_opportunity', ${right}, 0.5, 0, ${weightBits}, 'no_link', 1,
      false, '{name}', ${db.sql.json(explanation)}, ${modelId}, ${runId})`
}

const pairs = async () =>
  Object.fromEntries(
    (
      await db.sql<{ pair: string; probability: number; joint: Record<string, unknown> | null }[]>`
        select left_id || '>' || right_id as pair, probability, joint
        from match.candidates where tenant_id = 'acme' order by 1`
    ).map((row) => [row.pair, row]),
  )

describe('settleJointLinks', () => {
  it("decides a customer's two deals together and says why one deal was preferred over its sibling", async () => {
    // A1 is clearly O1; A2 alone cannot choose between O1 and O2.
    await candidate('A1', 'O1', 14, 3)
    await candidate('A1', 'O2', 11, 0)
    await candidate('A2', 'O1', 8, 0)
    await candidate('A2', 'O2', 8, 0)
    expect(await settleJointLinks(db.sql, 'acme', config)).toBe(4)
    const after = await pairs()
    expect(after['A2>O2']!.probability).toBeGreaterThan(0.85)
    expect(after['A2>O1']!.probability).toBeLessThan(0.15)
    expect(after['A2>O1']!.joint).toMatchObject({ rivals: [{ left_id: 'A1' }] })
    expect(after['A1>O1']!.joint).toMatchObject({
      preferred_over: {
        right_id: 'O2',
        differences: [{ comparison: 'title', level: 'similar', other_level: 'different', bits: 3 }],
      },
    })
    // from the stored weights, never from its own result: running again changes nothing
    expect(await settleJointLinks(db.sql, 'acme', config)).toBe(0)
  })

  it("takes a reviewer's confirmation as certain, so the sibling follows it", async () => {
    await db.sql`
      insert into match.reviews (tenant_id, left_entity, left_id, right_entity, right_id, decision, reviewer)
      values ('acme', 'ace_opportunity', 'A1', 'odoo_opportunity', 'O2', 'confirm', 'key-1')`
    await settleJointLinks(db.sql, 'acme', config)
    const after = await pairs()
    expect(after['A1>O2']!.probability).toBeGreaterThan(0.999)
    expect(after['A1>O1']!.probability).toBe(0)
    expect(after['A2>O1']!.probability).toBeGreaterThan(0.85)
  })

  it('gives the evidence for a re-entered lead to the earlier lead it re-enters', async () => {
    // R2 re-enters R1 (the same deal typed again later); C1's evidence is slightly stronger for R2
    await candidate('C1', 'R1', 9, 0)
    await candidate('C1', 'R2', 10, 0)
    const withReentries = {
      ...config,
      right: {
        entity: 'odoo_opportunity',
        from: "(values ('acme', 'R2', 'R1'), ('acme', 'S2', 'S1')) as r(tenant_id, id, earlier)",
        tenant: 'r.tenant_id',
        id: 'r.id',
        duplicate_of: 'r.earlier',
      },
    } as Parameters<typeof settleJointLinks>[2]
    await settleJointLinks(db.sql, 'acme', withReentries, ['C1'])
    const after = await pairs()
    expect(after['C1>R1']!.probability).toBeCloseTo(2 ** 10.585 / (1 + 2 ** 10.585), 3)
    expect(after['C1>R2']!.probability).toBe(0)
    expect(after['C1>R2']!.joint).toMatchObject({ reentry_of: 'R1' })

    // evidence that clearly prefers the later lead (its CRM id) keeps the two apart
    await candidate('D1', 'S1', 5, 0)
    await candidate('D1', 'S2', 19, 0)
    await settleJointLinks(db.sql, 'acme', withReentries, ['D1'])
    const apart = await pairs()
    expect(apart['D1>S2']!.probability).toBeGreaterThan(0.99)
    expect(apart['D1>S2']!.joint?.reentry_of).toBeUndefined()
  })

  it('rewrites only the records asked about on a single-record re-match', async () => {
    await candidate('B1', 'P1', 14, 6)
    await candidate('B1', 'P2', 8, 0)
    await candidate('B2', 'P1', 8, 0)
    await candidate('B2', 'P2', 8, 0)
    await settleJointLinks(db.sql, 'acme', config, ['B2'])
    const after = await pairs()
    expect(after['B2>P2']!.probability).toBeGreaterThan(0.85)
    expect(after['B1>P1']!.probability).toBe(0.5)
  })
})
