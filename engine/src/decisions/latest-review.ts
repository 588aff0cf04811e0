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
