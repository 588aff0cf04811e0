// `revops export decisions`: one row per ACE opportunity with its current decision — the outcome, the
// rules that failed or ask for review, the version that decided it — then the review and dates.
// Opportunities not decided yet say so.
import type { Sql } from '@revops/db'
import { joinLatestReview } from './latest-review.ts'

export const DECISION_EXPORT_COLUMNS = [
  'ace_opportunity_id',
  'decision',
  'failed_rules',
  'review_rules',
  'ruleset_version',
  'ruleset',
  'reviewed',
  'reviewer',
  'as_of',
  'evaluated_at',
] as const

/** The `decision` of an ACE opportunity that has none yet. */
export const NOT_DECIDED = 'not_decided'

interface ExportRow {
  ace_id: string
  outcome: string | null
  failed_rules: string[] | null
  review_rules: string[] | null
  ruleset: string | null
  ruleset_version: number | null
  review_action: string | null
  reviewer: string | null
  as_of: string | null
  evaluated_at: Date | null
}

/** The export rows (values as text, rule ids joined by `;`), ordered by ACE id, streamed in batches. */
export async function* exportDecisionRows(sql: Sql, tenantId: string): AsyncGenerator<string[]> {
  const rulesWith = (result: string) =>
    sql`array(select r.rule->>'rule_id' from jsonb_array_elements(d.rules) with ordinality r(rule, n)
             where r.rule->>'result' = ${result} order by r.n)`
  const cursor = sql<ExportRow[]>`
    select a.ace_id, d.outcome, ${rulesWith('fail')} as failed_rules, ${rulesWith('review')} as review_rules,
           d.ruleset, d.ruleset_version, v.action as review_action, v.reviewer, d.as_of::text as as_of, d.evaluated_at
    from core.ace_opportunities a
    left join lateral (
      select * from ops.decisions x where x.tenant_id = a.tenant_id and x.ace_id = a.ace_id
      order by x.decision_id desc limit 1
    ) d on true
    ${joinLatestReview(sql)}
    where a.tenant_id = ${tenantId}
    order by a.ace_id`.cursor(1000)
  for await (const rows of cursor) {
    for (const row of rows) {
      if (!row.outcome) {
        yield [row.ace_id, NOT_DECIDED, '', '', '', '', '', '', '', '']
        continue
      }
      yield [
        row.ace_id,
        row.outcome,
        (row.failed_rules ?? []).join(';'),
        (row.review_rules ?? []).join(';'),
        String(row.ruleset_version),
        row.ruleset ?? '',
        row.review_action === 'approve' ? 'approved' : row.review_action === 'reject' ? 'rejected' : '',
        row.reviewer ?? '',
        row.as_of ?? '',
        row.evaluated_at?.toISOString() ?? '',
      ]
    }
  }
}
