import { useTestDatabase } from '@revops/db/testing'
import { AS_OF, createDecisionsFixture, type DecisionsFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateDecisions } from './evaluate-decisions.ts'
import { DECISION_EXPORT_COLUMNS, exportDecisionRows, NOT_DECIDED } from './export-decisions.ts'
import { reviewDecision } from './review-decision.ts'

const db = useTestDatabase()
let fixture: DecisionsFixture

beforeAll(async () => {
  fixture = await createDecisionsFixture(db, { match: false })
  await evaluateDecisions(db.sql, { tenant: fixture.tenant, asOf: AS_OF })
})
afterAll(() => fixture.dispose())

async function exportRows() {
  const rows: Record<(typeof DECISION_EXPORT_COLUMNS)[number], string>[] = []
  for await (const row of exportDecisionRows(db.sql, 'demo')) {
    rows.push(
      Object.fromEntries(DECISION_EXPORT_COLUMNS.map((column, index) => [column, row[index]!])) as Record<
        (typeof DECISION_EXPORT_COLUMNS)[number],
        string
      >,
    )
  }
  return rows
}

describe('exportDecisionRows', () => {
  it('starts with the columns the issue names', () => {
    expect(DECISION_EXPORT_COLUMNS.slice(0, 5)).toEqual([
      'ace_opportunity_id',
      'decision',
      'failed_rules',
      'review_rules',
      'ruleset_version',
    ])
  })

  it('writes one row per ACE opportunity with its current decision, rule ids joined by ;', async () => {
    const rows = await exportRows()
    expect(rows.map((row) => row.ace_opportunity_id)).toEqual(fixture.truth.map((row) => row.aceId).sort())
    const stored = await db.sql<{ ace_id: string; outcome: string; failed: string; review: string }[]>`
      select ace_id, outcome,
             coalesce((select string_agg(r.rule->>'rule_id', ';' order by r.n) from jsonb_array_elements(rules) with ordinality r(rule, n)
                       where r.rule->>'result' = 'fail'), '') as failed,
             coalesce((select string_agg(r.rule->>'rule_id', ';' order by r.n) from jsonb_array_elements(rules) with ordinality r(rule, n)
                       where r.rule->>'result' = 'review'), '') as review
      from ops.current_decisions where tenant_id = 'demo'`
    const byId = new Map(stored.map((row) => [row.ace_id, row]))
    for (const row of rows) {
      const decision = byId.get(row.ace_opportunity_id)!
      expect(row).toMatchObject({
        decision: decision.outcome,
        failed_rules: decision.failed,
        review_rules: decision.review,
        ruleset_version: '1',
        ruleset: 'pod',
        as_of: AS_OF,
      })
    }
    expect(rows.some((row) => row.failed_rules.includes(';') || row.review_rules.includes(';'))).toBe(true)
  })

  it('shows the review of a current decision, and says when an opportunity is not decided yet', async () => {
    const [decision] = await db.sql<{ decision_id: string; ace_id: string }[]>`
      select decision_id::text, ace_id from ops.current_decisions where tenant_id = 'demo' order by ace_id limit 1`
    await reviewDecision(db.sql, {
      tenantId: 'demo',
      decisionId: decision!.decision_id,
      action: 'reject',
      note: 'Duplicate of another registration.',
      reviewer: 'bob',
    })
    await db.sql`
      insert into core.ace_opportunities (tenant_id, ace_id, aws_account_id_status, raw_pk)
      values ('demo', 'O9999999', 'missing', 'O9999999')`
    const rows = await exportRows()
    expect(rows.find((row) => row.ace_opportunity_id === decision!.ace_id)).toMatchObject({
      reviewed: 'rejected',
      reviewer: 'bob',
    })
    expect(rows.find((row) => row.ace_opportunity_id === 'O9999999')).toEqual({
      ace_opportunity_id: 'O9999999',
      decision: NOT_DECIDED,
      failed_rules: '',
      review_rules: '',
      ruleset_version: '',
      ruleset: '',
      reviewed: '',
      reviewer: '',
      as_of: '',
      evaluated_at: '',
    })
  })
})
