import { useTestDatabase } from '@revops/db/testing'
import { createDecisionsFixture, type DecisionsFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Contribution } from '../../match/model/score.ts'
import { DEFAULT_DECISIONS_CONFIG } from '../decisions-config.ts'
import { type CandidateRecord, loadMatchFacts, toMatchFacts } from './match-facts.ts'

const db = useTestDatabase()
let fixture: DecisionsFixture
const config = DEFAULT_DECISIONS_CONFIG.match

beforeAll(async () => {
  fixture = await createDecisionsFixture(db)
})
afterAll(() => fixture.dispose())

describe('loadMatchFacts', () => {
  it('gives each ACE opportunity its selected candidate with probability, band and every comparison', async () => {
    const facts = await loadMatchFacts(db.sql, { tenantId: 'demo', config })
    const selected = await db.sql<
      {
        candidate_id: string
        left_id: string
        right_id: string
        probability: number
        band: string
        contributions: Contribution[]
      }[]
    >`select candidate_id::text, left_id, right_id, probability, band, explanation->'contributions' as contributions
      from match.candidates where tenant_id = 'demo' and selected`
    expect(selected.length).toBeGreaterThan(0)
    for (const candidate of selected) {
      const entry = facts.get(candidate.left_id)!
      expect(entry.candidateId).toBe(candidate.candidate_id)
      expect(entry.facts).toMatchObject({
        band: candidate.band,
        probability: candidate.probability,
        odoo_lead_id: candidate.right_id,
      })
      const name = candidate.contributions.find((c) => c.comparison === 'company_name')!
      expect(entry.facts.name_similarity).toBe(
        name.level === 'no data' || typeof name.value !== 'number' ? null : name.value,
      )
      const domain = candidate.contributions.find((c) => c.comparison === 'domain')!
      expect(entry.facts.domain_exact).toBe(domain.level === 'no data' ? null : domain.level === 'shared')
      expect(Object.keys(entry.facts.comparisons).sort()).toEqual(
        candidate.contributions.map((c) => c.comparison).sort(),
      )
      expect(entry.facts.comparisons.aws_account).toEqual({
        level: candidate.contributions.find((c) => c.comparison === 'aws_account')!.level,
        value: candidate.contributions.find((c) => c.comparison === 'aws_account')!.value ?? null,
        bits: candidate.contributions.find((c) => c.comparison === 'aws_account')!.bits,
      })
    }
  })

  it('has no entry for an ACE opportunity without any candidate', async () => {
    const facts = await loadMatchFacts(db.sql, { tenantId: 'demo', config })
    const without = await db.sql<{ ace_id: string }[]>`
      select ace_id from core.ace_opportunities a where tenant_id = 'demo'
        and not exists (select 1 from match.candidates c where c.tenant_id = a.tenant_id and c.left_id = a.ace_id)`
    for (const { ace_id } of without) expect(facts.has(ace_id)).toBe(false)
    const withCandidates =
      await db.sql`select distinct left_id from match.candidates where tenant_id = 'demo'`
    expect(facts.size).toBe(withCandidates.length)
  })

  it('falls back to the best candidate a reviewer has not rejected when none is selected', async () => {
    const [pair] = await db.sql<{ left_id: string; right_id: string; candidate_id: string }[]>`
      select left_id, right_id, candidate_id::text from match.candidates
      where tenant_id = 'demo' and left_id in (select left_id from match.candidates group by left_id having count(*) > 1)
        and selected order by left_id limit 1`
    const leftId = pair!.left_id
    await db.sql`update match.candidates set selected = false where tenant_id = 'demo' and left_id = ${leftId}`
    await db.sql`
      insert into match.reviews (tenant_id, left_entity, left_id, right_entity, right_id, decision, reviewer)
      select tenant_id, left_entity, left_id, right_entity, right_id, 'reject', 'test' from match.candidates
      where tenant_id = 'demo' and left_id = ${leftId} and rank = 1`
    const [expected] = await db.sql<{ candidate_id: string }[]>`
      select candidate_id::text from match.candidates where tenant_id = 'demo' and left_id = ${leftId} and rank > 1
      order by rank limit 1`
    const facts = await loadMatchFacts(db.sql, { tenantId: 'demo', config, aceIds: [leftId] })
    expect([...facts.keys()]).toEqual([leftId])
    expect(facts.get(leftId)!.candidateId).toBe(expected!.candidate_id)
  })
})

describe('toMatchFacts', () => {
  const candidate = (contributions: Partial<Contribution>[]): CandidateRecord => ({
    candidate_id: '1',
    left_id: 'O1',
    right_id: '42',
    probability: 0.91,
    band: 'auto_link',
    contributions: contributions.map((c) => ({
      comparison: 'x',
      level: 'no data',
      value: null,
      bits: 0,
      m: null,
      u: null,
      ...c,
    })),
  })

  it('reads the name similarity, domain agreement and the first embedding similarity available', () => {
    const facts = toMatchFacts(
      candidate([
        { comparison: 'company_name', level: 'nearly the same name', value: 0.93, bits: 5 },
        { comparison: 'domain', level: 'none shared', value: null, bits: -3 },
        { comparison: 'identity_embedding', level: 'no data' },
        { comparison: 'context_embedding', level: 'cosine ≥ 0.8', value: 0.87, bits: 2 },
      ]),
      config,
    )
    expect(facts).toMatchObject({ name_similarity: 0.93, domain_exact: false, dense_similarity: 0.87 })
    expect(facts.comparisons.domain).toEqual({ level: 'none shared', value: null, bits: -3 })
  })

  it('leaves a similarity unavailable when its comparison had no data or a non-numeric value', () => {
    const facts = toMatchFacts(
      candidate([
        { comparison: 'company_name', level: 'acronym of the other', value: 'acronym', bits: 3 },
        { comparison: 'domain', level: 'no data' },
      ]),
      config,
    )
    expect(facts).toMatchObject({ name_similarity: null, domain_exact: null, dense_similarity: null })
  })
})
