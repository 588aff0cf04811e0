// `revops export matches`: one row per left record (ACE opportunity): its link (the selected candidate,
// when its band is auto_link or review), the probability and band, then extra columns.
import type { Sql } from '@revops/db'
import type { MatchingConfig } from './config/matching-config.ts'
import { joinLatestPairReview } from './store/latest-pair-review.ts'

export const MATCH_EXPORT_COLUMNS = [
  'ace_opportunity_id',
  'odoo_lead_id',
  'probability',
  'band',
  'best_candidate_odoo_lead_id',
  'reviewed',
  'provenance',
] as const

export async function* exportMatchRows(
  sql: Sql,
  tenantId: string,
  config: MatchingConfig,
): AsyncGenerator<string[]> {
  const leftIds = await sql.unsafe<{ id: string }[]>(
    `select (${config.left.id})::text as id from ${config.left.from} where ${config.left.tenant} = $1 order by 1`,
    [tenantId],
  )
  const rows = await sql<
    {
      left_id: string
      right_id: string
      probability: number
      band: string
      provenance: string[]
      decision: string | null
    }[]
  >`
    select c.left_id, c.right_id, c.probability, c.band, c.provenance, r.decision
    from match.candidates c
    ${joinLatestPairReview(sql)}
    where c.tenant_id = ${tenantId} and c.left_entity = ${config.left.entity} and c.selected`
  const links = new Map(rows.map((row) => [row.left_id, row]))
  for (const { id } of leftIds) {
    const link = links.get(id)
    if (!link) {
      yield [id, '', '', 'no_link', '', '', '']
      continue
    }
    const linked = link.decision === 'confirm' || link.band !== 'no_link'
    yield [
      id,
      linked ? link.right_id : '',
      link.probability.toFixed(6),
      link.decision === 'confirm' ? 'confirmed' : link.band,
      link.right_id,
      link.decision ?? '',
      link.provenance.join(';'),
    ]
  }
}
