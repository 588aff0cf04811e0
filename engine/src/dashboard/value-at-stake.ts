// Dashboard: the POD value at stake, the expected monthly AWS spend (ACE project budget, USD) of the
// opportunities that stand approved (auto-approved or approved by a reviewer) and of those waiting for
// review. A reviewer's newest review overrides the automatic outcome.
import type { Sql } from '@revops/db'
import { joinLatestReview } from '../decisions/latest-review.ts'

export interface SpendBucket {
  count: number
  /** Opportunities counted whose ACE record has no expected spend. */
  without_spend: number
  /** Decimal string (exact), USD per month. */
  monthly_spend: string
}

export interface ValueAtStake {
  currency: 'USD'
  approved: SpendBucket
  in_review: SpendBucket
}

interface Row {
  standing: 'approved' | 'in_review'
  count: number
  without_spend: number
  monthly_spend: string
}

export async function readValueAtStake(sql: Sql, tenantId: string): Promise<ValueAtStake> {
  const rows = await sql<Row[]>`
    with standing as (
      select d.ace_id,
             case
               when v.action = 'approve' then 'approved'
               when v.action = 'reject' then 'rejected'
               when d.outcome = 'auto_approve' then 'approved'
               when d.outcome = 'needs_review' then 'in_review'
               else 'rejected'
             end as standing
      from ops.current_decisions d
      ${joinLatestReview(sql)}
      where d.tenant_id = ${tenantId}
    )
    select s.standing, count(*)::int as count, count(*) filter (where a.project_budget is null)::int as without_spend,
           coalesce(sum(a.project_budget), 0)::text as monthly_spend
    from standing s
    left join core.ace_opportunities a on a.tenant_id = ${tenantId} and a.ace_id = s.ace_id
    where s.standing in ('approved', 'in_review')
    group by s.standing`
  const bucket = (standing: Row['standing']): SpendBucket => {
    const row = rows.find((r) => r.standing === standing)
    return row
      ? { count: row.count, without_spend: row.without_spend, monthly_spend: row.monthly_spend }
      : { count: 0, without_spend: 0, monthly_spend: '0' }
  }
  return { currency: 'USD', approved: bucket('approved'), in_review: bucket('in_review') }
}
