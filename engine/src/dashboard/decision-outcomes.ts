// Dashboard: the current decision of every ACE opportunity by outcome, and how many of each outcome
// have been reviewed (approved or rejected by a person).
import type { Sql } from '@revops/db'
import { joinLatestReview } from '../decisions/latest-review.ts'
import { OUTCOMES, type Outcome } from '../rules/evaluate-ruleset.ts'

export interface OutcomeCount {
  outcome: Outcome
  count: number
  /** Of those, approved by a reviewer. */
  approved: number
  /** Of those, rejected by a reviewer. */
  rejected: number
}

export async function readDecisionOutcomes(sql: Sql, tenantId: string): Promise<OutcomeCount[]> {
  const rows = await sql<OutcomeCount[]>`
    select d.outcome, count(*)::int as count,
           count(*) filter (where v.action = 'approve')::int as approved,
           count(*) filter (where v.action = 'reject')::int as rejected
    from ops.current_decisions d
    ${joinLatestReview(sql)}
    where d.tenant_id = ${tenantId}
    group by d.outcome`
  // Every outcome is reported, zero or not, so charts keep their colours and order.
  return OUTCOMES.map(
    (outcome) =>
      rows.find((row) => row.outcome === outcome) ?? { outcome, count: 0, approved: 0, rejected: 0 },
  )
}
