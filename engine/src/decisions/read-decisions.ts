// Reads decisions as reviewers (and the API) see them: the current decision of every ACE opportunity
// (filtered, paged), one decision with its trace, facts, match explanation and reviews, and the history
// of one opportunity.
import type { Sql } from '@revops/db'
import { NotFoundError, ValidationError } from '../errors.ts'
import type { MatchView } from '../match/store/read-matches.ts'
import { readMatch } from '../match/store/read-matches.ts'
import type { Outcome, RuleTrace } from '../rules/evaluate-ruleset.ts'
import type { FactSet } from '../rules/fact-catalog.ts'
import { type DecisionReview, type ReviewAction, toDecisionReview } from './review-decision.ts'

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
}

export interface DecisionDetail extends DecisionSummary {
  /** Whether this is the opportunity's current (newest) decision. */
  is_current: boolean
  current_decision_id: string
  rules: RuleTrace[]
  facts: FactSet
  /** The candidate the match facts came from, with its explanation; null when gone or none. */
  match: MatchView | null
  reviews: DecisionReview[]
  run_id: string
  job_id: string | null
  actor: string
}

interface SummaryRow {
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
  review_action: ReviewAction | null
  reviewer: string | null
  review_note: string | null
  reviewed_at: Date | null
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
           v.action as review_action, v.reviewer, v.note as review_note, v.created_at as reviewed_at ${extra}
    from ${from} d
    left join core.ace_opportunities a on a.tenant_id = d.tenant_id and a.ace_id = d.ace_id
    left join lateral (
      select action, reviewer, note, created_at from ops.decision_reviews r
      where r.decision_id = d.decision_id order by r.review_id desc limit 1
    ) v on true
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
    review: row.review_action
      ? {
          action: row.review_action,
          reviewer: row.reviewer ?? '',
          note: row.review_note ?? '',
          at: row.reviewed_at!.toISOString(),
        }
      : null,
  }
}

export interface DecisionFilter {
  outcome?: Outcome | undefined
  /** Only decisions where this rule failed or asked for review (see `ruleResults`). */
  ruleId?: string | undefined
  /** With ruleId: which results count; `fail` and `review` unless told. */
  ruleResults?: readonly ('fail' | 'review' | 'not_evaluated' | 'pass')[] | undefined
  /** Evaluated at or after (ISO 8601 date or time). */
  evaluatedFrom?: string | undefined
  /** Evaluated before (ISO 8601 date or time). */
  evaluatedTo?: string | undefined
  limit: number
  /** Keyset cursor: the ACE id of the last item of the previous page. */
  after?: string | undefined
}

export interface DecisionPage {
  items: DecisionSummary[]
  /** Pass as `after` for the next page; null on the last page. */
  next_cursor: string | null
}

function checkTime(field: string, value: string | undefined) {
  if (value !== undefined && Number.isNaN(Date.parse(value)))
    throw new ValidationError(`${field} must be an ISO 8601 date or time, got "${value}"`, { field })
}

/** The current decision of each ACE opportunity, ordered by ACE id, filtered and paged. */
export async function listCurrentDecisions(
  sql: Sql,
  tenantId: string,
  filter: DecisionFilter,
): Promise<DecisionPage> {
  checkTime('evaluated_from', filter.evaluatedFrom)
  checkTime('evaluated_to', filter.evaluatedTo)
  const results = filter.ruleResults ?? ['fail', 'review']
  const rows = await summaryQuery(
    sql,
    tenantId,
    sql`ops.current_decisions`,
    sql`
      ${filter.outcome ? sql`and d.outcome = ${filter.outcome}` : sql``}
      ${
        filter.ruleId
          ? sql`and exists (select 1 from jsonb_array_elements(d.rules) r
                  where r->>'rule_id' = ${filter.ruleId} and r->>'result' = any(${results as string[]}))`
          : sql``
      }
      ${filter.evaluatedFrom ? sql`and d.evaluated_at >= ${filter.evaluatedFrom}::timestamptz` : sql``}
      ${filter.evaluatedTo ? sql`and d.evaluated_at < ${filter.evaluatedTo}::timestamptz` : sql``}
      ${filter.after ? sql`and d.ace_id > ${filter.after}` : sql``}
      order by d.ace_id limit ${filter.limit + 1}`,
  )
  const items = rows.slice(0, filter.limit).map(toSummary)
  return {
    items,
    next_cursor: rows.length > filter.limit ? (items[items.length - 1]?.ace_id ?? null) : null,
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
  const reviews = await sql<Parameters<typeof toDecisionReview>[0][]>`
    select review_id::text, decision_id::text, ace_id, action, note, reviewer, created_at
    from ops.decision_reviews where tenant_id = ${tenantId} and decision_id = ${row.decision_id}
    order by review_id desc`
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
    reviews: reviews.map(toDecisionReview),
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
