// Reads stored candidates as reviewers (and the API) see them: probability, band, explanation,
// provenance, whether it is the current link, the latest review, and a summary of the right record.
import type { Sql } from '@revops/db'
import { NotFoundError } from '../../shared/errors.ts'
import type { Band } from '../bands.ts'
import type { Explanation } from '../model/score.ts'
import { joinLatestPairReview } from './latest-pair-review.ts'

export interface MatchView {
  id: string
  left_entity: string
  left_id: string
  right_entity: string
  right_id: string
  probability: number
  band: Band
  rank: number
  selected: boolean
  provenance: string[]
  explanation: Explanation
  review: {
    decision: 'confirm' | 'reject'
    /** The API key (its name) that reviewed, or `system`. */
    reviewer: string
    /** The name the reviewer gave, if any. */
    display_name: string | null
    note: string | null
    at: string
  } | null
  /**
   * The review state a reviewer saw: this pair and the newest review of its left record (any pair). Send it
   * back (If-Match) with a confirmation or rejection, so a verdict is never given on a stale view.
   */
  etag: string
  right_summary: {
    title: string | null
    customer_name: string | null
    stage: string | null
    close_date: string | null
    amount: string | null
  } | null
  model_id: string
  updated_at: string
}

interface Row {
  candidate_id: string
  left_entity: string
  left_id: string
  right_entity: string
  right_id: string
  probability: number
  band: Band
  rank: number
  selected: boolean
  provenance: string[]
  explanation: Explanation
  decision: 'confirm' | 'reject' | null
  reviewer: string | null
  reviewer_display_name: string | null
  note: string | null
  reviewed_at: Date | null
  left_review_id: string | null
  title: string | null
  customer_name: string | null
  stage: string | null
  close_date: string | null
  amount: string | null
  model_id: string
  updated_at: Date
}

/** The state a review of a pair must state it saw: the pair and the newest review of its left record. */
export function matchReviewState(candidateId: string, latestLeftReviewId: string | null): string {
  return `${candidateId}.${latestLeftReviewId ?? 0}`
}

function query(sql: Sql, tenantId: string, where: ReturnType<Sql>) {
  return sql<Row[]>`
    select c.candidate_id::text, c.left_entity, c.left_id, c.right_entity, c.right_id, c.probability, c.band, c.rank,
           c.selected, c.provenance,
           case when c.joint is null then c.explanation else c.explanation || jsonb_build_object('joint', c.joint) end
             as explanation, r.decision, r.reviewer, r.reviewer_display_name, r.note,
           r.created_at as reviewed_at,
           (select max(v.review_id) from match.reviews v where v.tenant_id = c.tenant_id
              and v.left_entity = c.left_entity and v.left_id = c.left_id)::text as left_review_id,
           o.title, o.customer_name, o.stage_name as stage, o.date_deadline::text as close_date,
           o.expected_revenue::text as amount, c.model_id::text, c.updated_at
    from match.candidates c
    ${joinLatestPairReview(sql)}
    left join core.odoo_opportunities o
      on o.tenant_id = c.tenant_id and c.right_entity = 'odoo_opportunity' and c.right_id ~ '^[0-9]{1,18}$'
     and o.lead_id = c.right_id::bigint
    where c.tenant_id = ${tenantId} ${where}
    order by c.left_id, c.rank`
}

function toView(row: Row): MatchView {
  return {
    id: row.candidate_id,
    left_entity: row.left_entity,
    left_id: row.left_id,
    right_entity: row.right_entity,
    right_id: row.right_id,
    probability: row.probability,
    band: row.band,
    rank: row.rank,
    selected: row.selected,
    provenance: row.provenance,
    explanation: row.explanation,
    review: row.decision
      ? {
          decision: row.decision,
          reviewer: row.reviewer ?? '',
          display_name: row.reviewer_display_name,
          note: row.note,
          at: row.reviewed_at!.toISOString(),
        }
      : null,
    etag: matchReviewState(row.candidate_id, row.left_review_id),
    right_summary:
      row.title !== null || row.customer_name !== null
        ? {
            title: row.title,
            customer_name: row.customer_name,
            stage: row.stage,
            close_date: row.close_date,
            amount: row.amount,
          }
        : null,
    model_id: row.model_id,
    updated_at: row.updated_at.toISOString(),
  }
}

/** The stored candidates of one left record, best first. */
export async function readMatches(
  sql: Sql,
  tenantId: string,
  leftEntity: string,
  leftId: string,
): Promise<MatchView[]> {
  const rows = await query(sql, tenantId, sql`and c.left_entity = ${leftEntity} and c.left_id = ${leftId}`)
  return rows.map(toView)
}

/** One candidate by id. */
export async function readMatch(sql: Sql, tenantId: string, id: string): Promise<MatchView> {
  if (!/^\d{1,18}$/.test(id)) throw new NotFoundError(`no match ${id}`)
  const [row] = await query(sql, tenantId, sql`and c.candidate_id = ${id}`)
  if (!row) throw new NotFoundError(`no match ${id}`)
  return toView(row)
}

/** The current links (selected candidates), optionally of one band, paged by candidate id. */
export async function listLinks(
  sql: Sql,
  tenantId: string,
  leftEntity: string,
  filter: { band?: Band | undefined; limit: number; after?: string | undefined },
): Promise<MatchView[]> {
  const rows = await query(
    sql,
    tenantId,
    sql`and c.left_entity = ${leftEntity} and c.selected
        ${filter.band ? sql`and c.band = ${filter.band}` : sql``}
        ${filter.after ? sql`and c.candidate_id > ${filter.after}` : sql``}`,
  )
  return rows
    .sort((a, b) => Number(a.candidate_id) - Number(b.candidate_id))
    .slice(0, filter.limit)
    .map(toView)
}
