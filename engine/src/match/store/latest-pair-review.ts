// The reviewer's latest word on a candidate pair: queries over match candidates aliased `c` join it as
// `r` (every column of match.reviews, null when nobody reviewed the pair). Reviews are append-only; the
// newest counts (created_at, then review_id, breaks ties).
import type { Sql } from '@revops/db'

export function joinLatestPairReview(sql: Sql) {
  return sql`
    left join lateral (
      select * from match.reviews v
      where v.tenant_id = c.tenant_id and v.left_entity = c.left_entity and v.left_id = c.left_id
        and v.right_id = c.right_id
      order by v.created_at desc, v.review_id desc limit 1
    ) r on true`
}
