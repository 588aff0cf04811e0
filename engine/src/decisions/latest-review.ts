// The reviewer's latest word on a decision: queries over decisions aliased `d` join it as `v`
// (every column of ops.decision_reviews, null when nobody reviewed the decision).
import type { Sql, TransactionSql } from '@revops/db'

export function joinLatestReview(sql: Sql | TransactionSql) {
  return sql`
    left join lateral (
      select * from ops.decision_reviews r
      where r.decision_id = d.decision_id order by r.review_id desc limit 1
    ) v on true`
}

export interface LatestReview<A extends string = string> {
  action: A
  reviewer: string
  note: string
  at: string
}

/** The latest review as readers show it, from the joined columns (`v.action as review_action`, …). */
export function latestReviewOf<A extends string>(row: {
  review_action: A | null
  reviewer: string | null
  review_note: string | null
  reviewed_at: Date | null
}): LatestReview<A> | null {
  if (!row.review_action || !row.reviewed_at) return null
  return {
    action: row.review_action,
    reviewer: row.reviewer ?? '',
    note: row.review_note ?? '',
    at: row.reviewed_at.toISOString(),
  }
}
