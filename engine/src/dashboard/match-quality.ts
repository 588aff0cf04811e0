// Dashboard: how well ACE opportunities are matched to Odoo: the band of each one's current link
// (auto-linked, in review, or unmatched when it has no link or only a weak one), and how many links
// a reviewer confirmed.
import type { Sql } from '@revops/db'
import { joinLatestPairReview } from '../match/store/latest-pair-review.ts'

export interface MatchQuality {
  ace_total: number
  auto_linked: number
  in_review: number
  unmatched: number
  /** Links a reviewer confirmed (counted in their band too). */
  confirmed: number
}

export interface MatchQualityOptions {
  /** The left entity of the tenant's matching configuration. */
  leftEntity?: string
}

export async function readMatchQuality(
  sql: Sql,
  tenantId: string,
  { leftEntity = 'ace_opportunity' }: MatchQualityOptions = {},
): Promise<MatchQuality> {
  const [row] = await sql<MatchQuality[]>`
    select count(*)::int as ace_total,
           count(*) filter (where c.band = 'auto_link')::int as auto_linked,
           count(*) filter (where c.band = 'review')::int as in_review,
           count(*) filter (where c.band is null or c.band = 'no_link')::int as unmatched,
           count(*) filter (where r.decision = 'confirm')::int as confirmed
    from core.ace_opportunities a
    left join match.candidates c
      on c.tenant_id = a.tenant_id and c.left_entity = ${leftEntity} and c.left_id = a.ace_id and c.selected
    ${joinLatestPairReview(sql)}
    where a.tenant_id = ${tenantId}`
  return row!
}
