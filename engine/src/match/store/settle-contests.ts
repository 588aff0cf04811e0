// Contested links: two left records may link one right record only when they are the same thing
// entered twice (a duplicate ACE registration of one deal); otherwise one of the two links is wrong.
// Each left record is scored on its own, so a contested link is not linked automatically: of the
// selected links to one right record, the strongest keeps its band and any other at auto_link goes to
// review, its explanation naming the stronger claim. A reviewer then tells a duplicate registration
// from a wrong link. Bands are recomputed from the probabilities, so this is idempotent and a contest
// that has gone away releases its links.
import type { Sql } from '@revops/db'
import type { MatchingConfig } from '../config/matching-config.ts'

/**
 * Settles the bands of the tenant's candidates (only those of `rightIds` when given: a single
 * record's re-match touches only its own right records). Returns how many candidates changed.
 */
export async function settleContests(
  sql: Sql,
  tenantId: string,
  config: Pick<MatchingConfig, 'left' | 'right' | 'thresholds'>,
  rightIds?: readonly string[],
): Promise<number> {
  if (rightIds && rightIds.length === 0) return 0
  const { auto_link: autoLink, review } = config.thresholds
  // A few right records are looked up one by one (a join on the right-record index), whatever the
  // planner's statistics say about a freshly rewritten table.
  const scoped = rightIds
    ? sql`
      select c.* from unnest(${rightIds as string[]}::text[]) as r(right_id)
      join match.candidates c on c.tenant_id = ${tenantId} and c.right_entity = ${config.right.entity}
        and c.right_id = r.right_id and c.left_entity = ${config.left.entity}`
    : sql`select * from match.candidates where tenant_id = ${tenantId} and left_entity = ${config.left.entity}`
  const result = await sql`
    with scoped as (${scoped}),
    ranked as (
      select candidate_id, probability, band as old_band, selected, explanation ? 'contested' as was_contested,
             explanation -> 'contested' as old_contested,
             row_number() over claims as claim,
             first_value(left_id) over claims as top_left,
             first_value(probability) over claims as top_probability
      from scoped
      window claims as (partition by right_entity, right_id, selected order by probability desc, left_id)
    ),
    desired as (
      select candidate_id, old_band, was_contested, old_contested,
             case when probability >= ${autoLink} then
                    case when selected and claim > 1 then 'review' else 'auto_link' end
                  when probability >= ${review} then 'review'
                  else 'no_link' end as band,
             case when selected and claim > 1 and probability >= ${autoLink}
                  then jsonb_build_object('left_id', top_left, 'probability', round(top_probability::numeric, 4))
             end as contested
      from ranked
    )
    update match.candidates c
    set band = d.band,
        explanation = case when d.contested is null then c.explanation - 'contested'
                           else jsonb_set(c.explanation, '{contested}', d.contested) end,
        updated_at = now()
    from desired d
    where c.candidate_id = d.candidate_id
      and (d.band <> d.old_band or d.old_contested is distinct from d.contested)`
  return result.count
}
