import { useTestDatabase } from '@revops/db/testing'
import { AS_OF, createDecisionsFixture, type DecisionsFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAuditEvents } from '../audit/audit-events.ts'
import { NotFoundError, ValidationError } from '../shared/errors.ts'
import { readDecisionHistory } from './decision-history.ts'
import { evaluateDecisions } from './evaluate-decisions.ts'
import { listCurrentDecisions } from './list-decisions.ts'
import { type DecisionSummary, readCurrentDecision } from './read-decisions.ts'

const db = useTestDatabase()
let fixture: DecisionsFixture

beforeAll(async () => {
  fixture = await createDecisionsFixture(db)
  await evaluateDecisions(db.sql, { tenant: fixture.tenant, asOf: AS_OF, actor: 'ann' })
})
afterAll(() => fixture.dispose())

async function allPages(filter: Omit<Parameters<typeof listCurrentDecisions>[2], 'limit' | 'after'>) {
  const items: DecisionSummary[] = []
  let after: string | undefined
  for (;;) {
    const page = await listCurrentDecisions(db.sql, 'demo', { ...filter, limit: 7, after })
    items.push(...page.items)
    if (!page.next_cursor) return items
    after = page.next_cursor
  }
}

describe('listCurrentDecisions', () => {
  it('pages through the current decision of every ACE opportunity in ACE id order', async () => {
    const items = await allPages({})
    expect(items.map((item) => item.ace_id)).toEqual(fixture.truth.map((row) => row.aceId).sort())
    expect(items[0]).toMatchObject({ ruleset: 'pod', ruleset_version: 1, as_of: AS_OF, review: null })
  })

  it('filters by outcome, by a rule failing or in review, and by evaluation time', async () => {
    const rejected = await allPages({ outcome: 'auto_reject' })
    expect(rejected.length).toBeGreaterThan(0)
    for (const item of rejected) expect(item.outcome).toBe('auto_reject')
    const spend = await allPages({ ruleId: 'spend_threshold' })
    expect(spend.length).toBeGreaterThan(0)
    for (const item of spend)
      expect([...item.failed_rules, ...item.review_rules]).toContain('spend_threshold')
    const failing = await allPages({ ruleId: 'spend_threshold', ruleResults: ['fail'] })
    for (const item of failing) expect(item.failed_rules).toContain('spend_threshold')
    expect(await allPages({ evaluatedFrom: '2999-01-01' })).toEqual([])
    expect((await allPages({ evaluatedTo: '2999-01-01' })).length).toBe(fixture.truth.length)
    await expect(
      listCurrentDecisions(db.sql, 'demo', { evaluatedFrom: 'yesterday', limit: 5 }),
    ).rejects.toBeInstanceOf(ValidationError)
  })
})

describe('listCurrentDecisions for the review queue', () => {
  async function sortedPages(filter: Omit<Parameters<typeof listCurrentDecisions>[2], 'limit' | 'after'>) {
    return allPages(filter)
  }

  it('carries the opportunity and its best match on every row', async () => {
    const items = await allPages({})
    const [truth] = await db.sql<{ ace_id: string; stage: string; ownership: string; close_date: string }[]>`
      select ace_id, stage, ownership, close_date::text from core.ace_opportunities
      where tenant_id = 'demo' order by ace_id limit 1`
    expect(items[0]).toMatchObject({
      ace_id: truth!.ace_id,
      stage: truth!.stage,
      opportunity_ownership: truth!.ownership,
      target_close_date: truth!.close_date,
    })
    const [selected] = await db.sql<{ left_id: string; right_id: string; probability: number }[]>`
      select left_id, right_id, probability from match.candidates where tenant_id = 'demo' and selected
      order by left_id limit 1`
    const linked = items.find((item) => item.ace_id === selected!.left_id)
    expect(linked?.best_match).toMatchObject({
      odoo_lead_id: selected!.right_id,
      probability: selected!.probability,
    })
  })

  it('sorts by any review column in both directions, paging without gaps or repeats', async () => {
    for (const sort of [
      'probability',
      'target_close_date',
      'customer_name',
      'expected_monthly_spend',
    ] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const items = await sortedPages({ sort, order })
        expect(new Set(items.map((item) => item.ace_id)).size).toBe(fixture.truth.length)
        const values = items.map((item) =>
          sort === 'probability'
            ? item.best_match?.probability
            : sort === 'target_close_date'
              ? item.target_close_date
              : sort === 'customer_name'
                ? item.customer_name?.toLowerCase()
                : item.expected_monthly_spend,
        )
        const present = values.filter((value) => value !== null && value !== undefined) as (string | number)[]
        const expected = [...present].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        if (order === 'desc') expected.reverse()
        expect(present).toEqual(expected)
        // Missing values come last whichever the direction.
        expect(values.slice(present.length).every((value) => value === null || value === undefined)).toBe(
          true,
        )
      }
    }
  })

  it('filters by stage, ownership, close-date range and free text', async () => {
    const all = await allPages({})
    const stage = all[0]!.stage!
    const byStage = await allPages({ stage })
    expect(byStage.length).toBe(all.filter((item) => item.stage === stage).length)
    const partner = await allPages({ ownership: 'Partner Referral' })
    expect(partner.length).toBe(
      all.filter((item) => item.opportunity_ownership === 'Partner Referral').length,
    )
    const dates = all
      .map((item) => item.target_close_date)
      .filter((d): d is string => d !== null)
      .sort()
    const [from, to] = [dates[Math.floor(dates.length / 4)]!, dates[Math.floor((dates.length * 3) / 4)]!]
    const ranged = await allPages({ closeFrom: from, closeTo: to })
    expect(ranged.length).toBe(dates.filter((d) => d >= from && d <= to).length)
    const name = all.find((item) => item.customer_name)!.customer_name!
    const found = await allPages({ search: name.slice(0, 6).toUpperCase() })
    expect(found.map((item) => item.ace_id)).toContain(
      all.find((item) => item.customer_name === name)!.ace_id,
    )
    expect(await allPages({ search: '%_no such text_%' })).toEqual([])
    await expect(
      listCurrentDecisions(db.sql, 'demo', { closeFrom: '01/02/2026', limit: 5 }),
    ).rejects.toBeInstanceOf(ValidationError)
    await expect(
      listCurrentDecisions(db.sql, 'demo', { after: 'garbage', sort: 'probability', limit: 5 }),
    ).rejects.toBeInstanceOf(ValidationError)
  })
})

describe('readCurrentDecision', () => {
  it('explains a decision: every rule trace, the facts, and the match candidate behind them', async () => {
    const [linked] = await db.sql<{ left_id: string; candidate_id: string }[]>`
      select left_id, candidate_id::text from match.candidates where tenant_id = 'demo' and selected order by left_id limit 1`
    const decision = await readCurrentDecision(db.sql, 'demo', linked!.left_id)
    expect(decision).toMatchObject({ ace_id: linked!.left_id, is_current: true, actor: 'ann' })
    expect(decision.rules.map((rule) => rule.rule_id)).toContain('spend_threshold')
    expect(decision.facts.opportunity.id).toBe(linked!.left_id)
    expect(decision.match?.id).toBe(linked!.candidate_id)
    expect(decision.match?.explanation.contributions.length).toBeGreaterThan(0)
  })

  it('is not found for an opportunity without a decision', async () => {
    await expect(readCurrentDecision(db.sql, 'demo', 'O-none')).rejects.toBeInstanceOf(NotFoundError)
    await expect(readDecisionHistory(db.sql, 'demo', 'O-none')).rejects.toBeInstanceOf(NotFoundError)
  })
})

describe('listAuditEvents', () => {
  it('filters the audit log by action, subject and time, newest first, paged', async () => {
    const all = await listAuditEvents(db.sql, 'demo', { limit: 1 })
    expect(all.items[0]).toMatchObject({ action: 'decisions.evaluated', actor: 'ann' })
    const next = await listAuditEvents(db.sql, 'demo', { limit: 1, before: all.next_cursor! })
    expect(next.items[0]).toMatchObject({ action: 'ruleset.published', actor: 'system', subject_id: 'pod' })
    expect(next.next_cursor).toBeNull()
    expect((await listAuditEvents(db.sql, 'demo', { action: 'decision.approved', limit: 5 })).items).toEqual(
      [],
    )
    expect(
      (await listAuditEvents(db.sql, 'demo', { subjectType: 'ruleset', subjectId: 'pod', limit: 5 })).items,
    ).toHaveLength(2)
    expect((await listAuditEvents(db.sql, 'demo', { from: '2999-01-01T00:00:00Z', limit: 5 })).items).toEqual(
      [],
    )
  })
})
