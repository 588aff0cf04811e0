// Reads decisions as reviewers (and the API) see them: the current decision of every ACE opportunity
// (filtered, paged), one decision with its trace, facts, match explanation and reviews, and the history
// of one opportunity.
import type { Sql } from '@revops/db'
import { joinLatestPairReview } from '../match/store/latest-pair-review.ts'
import type { MatchView } from '../match/store/read-matches.ts'
import { readMatch } from '../match/store/read-matches.ts'
import type { Outcome, RuleTrace } from '../rules/evaluate-ruleset.ts'
import type { FactSet } from '../rules/fact-catalog.ts'
import { NotFoundError } from '../shared/errors.ts'
import { joinLatestReview, latestReviewOf } from './latest-review.ts'
import {
  type DecisionReview,
  decisionReviewState,
  REVIEW_COLUMNS,
  type ReviewAction,
  toDecisionReview,
} from './review-decision.ts'

/** The left entity of match candidates that ACE opportunities are. */
const ACE_ENTITY = 'ace_opportunity'

export interface DecisionSummary {
  decision_id: string
  ace_id: string
  customer_name: string | null
  outcome: Outcome
  ruleset: string
  ruleset_version: number
  content_hash: string
  as_of: string
  evaluated_at: string
  /** Rules whose result is `fail`. */
  failed_rules: string[]
  /** Rules whose result is `review`. */
  review_rules: string[]
  /** Rules that could not be evaluated (facts unavailable). */
  not_evaluated_rules: string[]
  /** The newest review of this decision. */
  review: { action: ReviewAction; reviewer: string; note: string; at: string } | null
  /** The review state a reviewer saw: send it back (If-Match) with an approval or rejection. */
  etag: string
  /** The ACE opportunity as it is now (what a reviewer filters and sorts by). */
  title: string | null
  stage: string | null
  opportunity_ownership: string | null
  target_close_date: string | null
  /** Expected monthly AWS spend (ACE project budget), USD. */
  expected_monthly_spend: number | null
  aws_account_id: string | null
  /** The opportunity's best Odoo candidate now: the confirmed or selected link, else the top-ranked. */
  best_match: BestMatch | null
}

export interface BestMatch {
  candidate_id: string
  odoo_lead_id: string
  odoo_title: string | null
  odoo_customer_name: string | null
  probability: number
  band: string
  /** The newest reviewer decision on this pair, if any. */
  review: 'confirm' | 'reject' | null
}

export interface DecisionDetail extends DecisionSummary {
  /** Whether this is the opportunity's current (newest) decision. */
  is_current: boolean
  current_decision_id: string
  rules: RuleTrace[]
  facts: FactSet
  /** The candidate the match facts came from, with its explanation; null when gone or none. */
  match: MatchView | null
  /** The latest reviews, newest first (at most DETAIL_REVIEWS; every one is in the history). */
  reviews: DecisionReview[]
  reviews_total: number
  run_id: string
  job_id: string | null
  actor: string
}

export interface SummaryRow {
  decision_id: string
  ace_id: string
  customer_name: string | null
  outcome: Outcome
  ruleset: string
  ruleset_version: number
  content_hash: string
  as_of: string
  evaluated_at: Date
  failed_rules: string[]
  review_rules: string[]
  not_evaluated_rules: string[]
  review_id: string | null
  review_action: ReviewAction | null
  reviewer: string | null
  review_note: string | null
  reviewed_at: Date | null
  title: string | null
  stage: string | null
  ownership: string | null
  close_date: string | null
  project_budget: string | null
  aws_account_id: string | null
  match_id: string | null
  match_right_id: string | null
  match_title: string | null
  match_customer_name: string | null
  match_probability: number | null
  match_band: string | null
  match_review: 'confirm' | 'reject' | null
}

/** The summary columns over `ops.decisions` or `ops.current_decisions` (as `d`). */
export function summaryQuery<T extends object = SummaryRow>(
  sql: Sql,
  tenantId: string,
  from: ReturnType<Sql>,
  where: ReturnType<Sql>,
  extra: ReturnType<Sql> = sql``,
) {
  const rulesWith = (result: string) =>
    sql`array(select r.rule->>'rule_id' from jsonb_array_elements(d.rules) with ordinality r(rule, n)
             where r.rule->>'result' = ${result} order by r.n)`
  return sql<(SummaryRow & T)[]>`
    select d.decision_id::text, d.ace_id, a.customer_name, d.outcome, d.ruleset, d.ruleset_version,
           d.content_hash, d.as_of::text as as_of, d.evaluated_at,
           ${rulesWith('fail')} as failed_rules, ${rulesWith('review')} as review_rules,
           ${rulesWith('not_evaluated')} as not_evaluated_rules,
           v.review_id::text as review_id, v.action as review_action, v.reviewer, v.note as review_note,
           v.created_at as reviewed_at,
           a.title, a.stage, a.ownership, a.close_date::text as close_date, a.project_budget::text as project_budget,
           a.aws_account_id, m.candidate_id::text as match_id, m.right_id as match_right_id,
           o.title as match_title, o.customer_name as match_customer_name, m.probability as match_probability,
           m.band as match_band, m.review as match_review ${extra}
    from ${from} d
    left join core.ace_opportunities a on a.tenant_id = d.tenant_id and a.ace_id = d.ace_id
    ${joinLatestReview(sql)}
    left join lateral (
      select c.candidate_id, c.right_entity, c.right_id, c.probability, c.band, r.decision as review
      from match.candidates c
      ${joinLatestPairReview(sql)}
      where c.tenant_id = d.tenant_id and c.left_entity = ${ACE_ENTITY} and c.left_id = d.ace_id
      order by c.selected desc, c.rank limit 1
    ) m on true
    left join core.odoo_opportunities o
      on o.tenant_id = d.tenant_id and m.right_entity = 'odoo_opportunity' and m.right_id ~ '^[0-9]{1,18}$'
     and o.lead_id = m.right_id::bigint
    where d.tenant_id = ${tenantId} ${where}`
}

/** Turns a summary row into the shape callers see. */
export function toSummary(row: SummaryRow): DecisionSummary {
  return {
    decision_id: row.decision_id,
    ace_id: row.ace_id,
    customer_name: row.customer_name,
    outcome: row.outcome,
    ruleset: row.ruleset,
    ruleset_version: row.ruleset_version,
    content_hash: row.content_hash,
    as_of: row.as_of,
    evaluated_at: row.evaluated_at.toISOString(),
    failed_rules: row.failed_rules,
    review_rules: row.review_rules,
    not_evaluated_rules: row.not_evaluated_rules,
    review: latestReviewOf(row),
    etag: decisionReviewState(row.decision_id, row.review_id),
    title: row.title,
    stage: row.stage,
    opportunity_ownership: row.ownership,
    target_close_date: row.close_date,
    expected_monthly_spend: row.project_budget === null ? null : Number(row.project_budget),
    aws_account_id: row.aws_account_id,
    best_match:
      row.match_id === null
        ? null
        : {
            candidate_id: row.match_id,
            odoo_lead_id: row.match_right_id!,
            odoo_title: row.match_title,
            odoo_customer_name: row.match_customer_name,
            probability: row.match_probability!,
            band: row.match_band!,
            review: row.match_review,
          },
  }
}

interface DetailRow extends SummaryRow {
  rules: RuleTrace[]
  facts: FactSet
  match_candidate_id: string | null
  run_id: string
  job_id: string | null
  actor: string
  current_id: string
}

/** Reviews a decision's detail carries; a decision reviewed more often lists the rest in its history. */
export const DETAIL_REVIEWS = 20

async function readDetail(sql: Sql, tenantId: string, where: ReturnType<Sql>): Promise<DecisionDetail> {
  const [row] = await summaryQuery<DetailRow>(
    sql,
    tenantId,
    sql`ops.decisions`,
    where,
    sql`, d.rules, d.facts, d.match_candidate_id::text, d.run_id::text, d.job_id::text, d.actor,
        (select c.decision_id::text from ops.decisions c where c.tenant_id = d.tenant_id and c.ace_id = d.ace_id
         order by c.decision_id desc limit 1) as current_id`,
  )
  if (!row) throw new NotFoundError('no such decision')
  const reviews = await sql<(Parameters<typeof toDecisionReview>[0] & { total: number })[]>`
    select ${sql.unsafe(REVIEW_COLUMNS)}, count(*) over ()::int as total
    from ops.decision_reviews r where r.tenant_id = ${tenantId} and r.decision_id = ${row.decision_id}
    order by r.review_id desc limit ${DETAIL_REVIEWS}`
  const match = row.match_candidate_id
    ? await readMatch(sql, tenantId, row.match_candidate_id).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null
        throw error
      })
    : null
  return {
    ...toSummary(row),
    is_current: row.current_id === row.decision_id,
    current_decision_id: row.current_id,
    rules: row.rules,
    facts: row.facts,
    match,
    reviews: reviews.map(({ total: _total, ...review }) => toDecisionReview(review)),
    reviews_total: reviews[0]?.total ?? 0,
    run_id: row.run_id,
    job_id: row.job_id,
    actor: row.actor,
  }
}

/** One decision with its trace, facts, match explanation and reviews; NotFoundError when unknown. */
export async function readDecision(sql: Sql, tenantId: string, decisionId: string): Promise<DecisionDetail> {
  if (!/^\d{1,18}$/.test(decisionId)) throw new NotFoundError(`no decision ${decisionId}`)
  return readDetail(sql, tenantId, sql`and d.decision_id = ${decisionId}`).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError(`no decision ${decisionId}`) : error
  })
}

/** The current decision of one ACE opportunity; NotFoundError when it has none yet. */
export async function readCurrentDecision(
  sql: Sql,
  tenantId: string,
  aceId: string,
): Promise<DecisionDetail> {
  return readDetail(
    sql,
    tenantId,
    sql`and d.decision_id = (select max(c.decision_id) from ops.decisions c
                             where c.tenant_id = ${tenantId} and c.ace_id = ${aceId})`,
  ).catch((error: unknown) => {
    throw error instanceof NotFoundError
      ? new NotFoundError(`no decision for ACE opportunity ${aceId}`)
      : error
  })
}
