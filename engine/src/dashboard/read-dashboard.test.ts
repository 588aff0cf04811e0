import { useTestDatabase } from '@revops/db/testing'
import { AS_OF, createDecisionsFixture, type DecisionsFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateDecisions } from '../decisions/evaluate-decisions.ts'
import { reviewDecision } from '../decisions/review-decision.ts'
import { readDashboard } from './read-dashboard.ts'

const db = useTestDatabase()
let fixture: DecisionsFixture

beforeAll(async () => {
  fixture = await createDecisionsFixture(db)
  await evaluateDecisions(db.sql, { tenant: fixture.tenant, asOf: AS_OF })
}, 120_000)
afterAll(() => fixture.dispose())

/** Sum of the ACE budgets of `aceIds`, from the APN source itself (an independent view of the data). */
async function sourceSpend(aceIds: string[]): Promise<number> {
  if (aceIds.length === 0) return 0
  const rows = await fixture.apn<{ budget: string | null }[]>`
    select project_budget::text as budget from opportunity where id = any(${aceIds})`
  return rows.reduce((sum, row) => sum + Number(row.budget ?? 0), 0)
}

describe('readDashboard', () => {
  it('counts opportunities by source and stage, and decisions by outcome', async () => {
    const dashboard = await readDashboard(db.sql, 'demo')
    expect(dashboard.opportunities.ace).toBe(fixture.truth.length)
    const [apn] = await fixture.apn<{ n: number }[]>`select count(*)::int as n from opportunity`
    expect(dashboard.opportunities.ace).toBe(apn!.n)
    expect(dashboard.opportunities.odoo).toBeGreaterThan(0)
    const stages = dashboard.opportunities.by_source_stage
    expect(stages.filter((s) => s.source === 'ace').reduce((n, s) => n + s.count, 0)).toBe(apn!.n)
    expect(dashboard.decisions.total).toBe(apn!.n)
    expect(dashboard.decisions.by_outcome.map((o) => o.outcome)).toEqual([
      'auto_approve',
      'needs_review',
      'auto_reject',
    ])
    const today = dashboard.decisions.over_time.at(-1)!
    expect(today.day).toBe(new Date().toISOString().slice(0, 10))
    expect(today.auto_approve + today.needs_review + today.auto_reject).toBe(apn!.n)
    for (const outcome of dashboard.decisions.by_outcome) expect(today[outcome.outcome]).toBe(outcome.count)
  })

  it('reports the spend at stake, and a review moves an opportunity from in review to approved', async () => {
    const before = await readDashboard(db.sql, 'demo')
    const current = await db.sql<{ decision_id: string; ace_id: string; outcome: string }[]>`
      select decision_id::text, ace_id, outcome from ops.current_decisions where tenant_id = 'demo'`
    const ids = (outcome: string) => current.filter((d) => d.outcome === outcome).map((d) => d.ace_id)
    expect(before.value_at_stake.currency).toBe('USD')
    expect(before.value_at_stake.approved.count).toBe(ids('auto_approve').length)
    expect(Number(before.value_at_stake.approved.monthly_spend)).toBeCloseTo(
      await sourceSpend(ids('auto_approve')),
      2,
    )
    expect(Number(before.value_at_stake.in_review.monthly_spend)).toBeCloseTo(
      await sourceSpend(ids('needs_review')),
      2,
    )

    const reviewed = current.find((d) => d.outcome === 'needs_review')!
    await reviewDecision(db.sql, {
      tenantId: 'demo',
      decisionId: reviewed.decision_id,
      action: 'approve',
      note: 'customer confirmed the partner sourced it',
      reviewer: 'ann',
    })
    const after = await readDashboard(db.sql, 'demo')
    expect(after.value_at_stake.approved.count).toBe(before.value_at_stake.approved.count + 1)
    expect(after.value_at_stake.in_review.count).toBe(before.value_at_stake.in_review.count - 1)
    const spend = await sourceSpend([reviewed.ace_id])
    expect(Number(after.value_at_stake.approved.monthly_spend)).toBeCloseTo(
      Number(before.value_at_stake.approved.monthly_spend) + spend,
      2,
    )
    expect(after.decisions.by_outcome.find((o) => o.outcome === 'needs_review')!.approved).toBe(1)
  })

  it('splits ACE opportunities by the band of their current link', async () => {
    const { match_quality: quality } = await readDashboard(db.sql, 'demo')
    expect(quality.ace_total).toBe(fixture.truth.length)
    expect(quality.auto_linked + quality.in_review + quality.unmatched).toBe(quality.ace_total)
    expect(quality.auto_linked).toBeGreaterThan(0)
    const [linked] = await db.sql<{ n: number }[]>`
      select count(*)::int as n from match.candidates where tenant_id = 'demo' and selected and band = 'auto_link'`
    expect(quality.auto_linked).toBe(linked!.n)
  })

  it('lists open data-quality issues and the last syncs', async () => {
    const dashboard = await readDashboard(db.sql, 'demo')
    const [open] = await db.sql<{ n: number }[]>`
      select count(*)::int as n from ops.data_quality_issues where tenant_id = 'demo' and resolved_at is null`
    expect(dashboard.data_quality.open).toBe(open!.n)
    expect(dashboard.data_quality.open).toBeGreaterThan(0)
    const severities = dashboard.data_quality.groups.map((g) => g.severity)
    const rank = { error: 0, warning: 1, info: 2 }
    expect(severities.map((s) => rank[s])).toEqual(severities.map((s) => rank[s]).sort())
    const [sync] = dashboard.syncs
    expect(sync).toMatchObject({ status: 'succeeded', mode: 'incremental' })
    expect(sync!.tables).toBeGreaterThan(2)
    expect(sync!.rows_read).toBeGreaterThan(0)
  })

  it('is empty, not failing, for a tenant without data', async () => {
    await db.sql`insert into ops.tenants (tenant_id, display_name) values ('empty', 'Empty') on conflict do nothing`
    const dashboard = await readDashboard(db.sql, 'empty')
    expect(dashboard).toMatchObject({
      opportunities: { ace: 0, odoo: 0, by_source_stage: [] },
      decisions: { total: 0, over_time: [] },
      value_at_stake: { approved: { count: 0, monthly_spend: '0' }, in_review: { count: 0 } },
      match_quality: { ace_total: 0, auto_linked: 0, in_review: 0, unmatched: 0 },
      data_quality: { open: 0, groups: [] },
      syncs: [],
    })
  })
})
