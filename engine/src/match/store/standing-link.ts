// The link of an ACE opportunity that stands: the Odoo opportunity a person confirmed, else the matcher's
// selected candidate in the auto_link band that nobody rejected. The same links the write-back writes
// (with auto links allowed), for reads that say what an opportunity is linked to (reports, work list).
import type { Sql } from '@revops/db'
import { joinLatestPairReview } from './latest-pair-review.ts'

/**
 * A lateral join (as `l`: `lead_id`, `link_reason` 'confirmed' | 'auto_link', `probability`) of the
 * standing link of the ACE opportunity named by `tenantId` and `aceId` (column references of the outer
 * query, e.g. sql`d.tenant_id`). No row: nothing links the opportunity.
 */
export function joinStandingLink(sql: Sql, tenantId: ReturnType<Sql>, aceId: ReturnType<Sql>) {
  return sql`
    left join lateral (
      select c.right_id as lead_id, case when r.decision = 'confirm' then 'confirmed' else 'auto_link' end as link_reason,
             c.probability
      from match.candidates c
      ${joinLatestPairReview(sql)}
      where c.tenant_id = ${tenantId} and c.left_entity = 'ace_opportunity' and c.left_id = ${aceId}
        and (r.decision = 'confirm' or (c.selected and c.band = 'auto_link' and r.decision is null))
      order by (r.decision = 'confirm') desc nulls last, r.created_at desc nulls last, c.rank
      limit 1
    ) l on true`
}
