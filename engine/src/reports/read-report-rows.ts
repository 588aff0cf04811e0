// What a POD report is made of: every ACE opportunity's decision as it stood on a day (the newest
// decision judged as of that day or earlier), the newest review of it, the rules that failed or asked for
// review with their explanations, the spend facts it was judged on and its ruleset version's threshold,
// the ACE record's expected spend and the link that stands. One query; the report is built from it.
import type { Sql } from '@revops/db'
import { joinLatestReview, latestReviewOf } from '../decisions/latest-review.ts'
import { joinStandingLink } from '../match/store/standing-link.ts'
import type { Outcome, RuleTrace } from '../rules/evaluate-ruleset.ts'
import type { FactSet } from '../rules/fact-catalog.ts'
import type { IsoDate } from '../shared/clock.ts'

export interface ReportReason {
  rule_id: string
  result: 'fail' | 'review'
  explanation: string
}

export interface ReportRow {
  ace_id: string
  customer_name: string | null
  title: string | null
  stage: string | null
  close_date: string | null
  /** ACE project budget (expected monthly AWS spend), USD, as an exact decimal string. */
  expected_monthly_spend: string | null
  decision_id: string
  outcome: Outcome
  decision_as_of: IsoDate
  ruleset: string
  ruleset_version: number
  review: { action: 'approve' | 'reject'; reviewer: string; note: string; at: string } | null
  /** The rules that failed or asked for review, in ruleset order. */
  reasons: ReportReason[]
  /** The spend facts the decision was judged on; null when the account could not be checked. */
  spend: { amount: number; month: string; month_substituted: boolean; cost_rows: number } | null
  /** The `spend_threshold` parameter of the ruleset version that decided; null when it has none. */
  spend_threshold: number | null
  link: { lead_id: string; reason: 'confirmed' | 'auto_link' } | null
}

interface Row {
  ace_id: string
  customer_name: string | null
  title: string | null
  stage: string | null
  close_date: string | null
  project_budget: string | null
  decision_id: string
  outcome: Outcome
  decision_as_of: string
  ruleset: string
  ruleset_version: number
  rules: RuleTrace[]
  spend: FactSet['spend']
  spend_threshold: unknown
  review_action: 'approve' | 'reject' | null
  reviewer: string | null
  review_note: string | null
  reviewed_at: Date | null
  lead_id: string | null
  link_reason: 'confirmed' | 'auto_link' | null
}

/** Every decided ACE opportunity of the tenant as it stood on `asOf`, ordered by ACE id. */
export async function readReportRows(sql: Sql, tenantId: string, asOf: IsoDate): Promise<ReportRow[]> {
  const rows = await sql<Row[]>`
    with d as (
      select distinct on (x.ace_id) x.*
      from ops.decisions x
      where x.tenant_id = ${tenantId} and x.as_of <= ${asOf}
      order by x.ace_id, x.decision_id desc
    )
    select d.ace_id, a.customer_name, a.title, a.stage, a.close_date::text as close_date,
           a.project_budget::text as project_budget, d.decision_id::text, d.outcome,
           d.as_of::text as decision_as_of, d.ruleset, d.ruleset_version, d.rules, d.facts->'spend' as spend,
           rv.content->'parameters'->'spend_threshold' as spend_threshold,
           v.action as review_action, v.reviewer, v.note as review_note, v.created_at as reviewed_at,
           l.lead_id, l.link_reason
    from d
    left join core.ace_opportunities a on a.tenant_id = d.tenant_id and a.ace_id = d.ace_id
    left join ops.ruleset_versions rv
      on rv.tenant_id = d.tenant_id and rv.ruleset = d.ruleset and rv.version = d.ruleset_version
    ${joinLatestReview(sql)}
    ${joinStandingLink(sql, sql`d.tenant_id`, sql`d.ace_id`)}
    order by d.ace_id`
  return rows.map(toReportRow)
}

function toReportRow(row: Row): ReportRow {
  const spend = row.spend
  return {
    ace_id: row.ace_id,
    customer_name: row.customer_name,
    title: row.title,
    stage: row.stage,
    close_date: row.close_date,
    expected_monthly_spend: row.project_budget,
    decision_id: row.decision_id,
    outcome: row.outcome,
    decision_as_of: row.decision_as_of,
    ruleset: row.ruleset,
    ruleset_version: row.ruleset_version,
    review: latestReviewOf(row),
    reasons: row.rules.flatMap((rule) =>
      rule.result === 'fail' || rule.result === 'review'
        ? [{ rule_id: rule.rule_id, result: rule.result, explanation: rule.explanation }]
        : [],
    ),
    spend: spend
      ? {
          amount: Number(spend.amount),
          month: spend.month,
          month_substituted: spend.month_substituted,
          cost_rows: Number(spend.cost_rows),
        }
      : null,
    spend_threshold: typeof row.spend_threshold === 'number' ? row.spend_threshold : null,
    link: row.lead_id ? { lead_id: row.lead_id, reason: row.link_reason ?? 'auto_link' } : null,
  }
}
