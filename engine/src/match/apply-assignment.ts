// Chooses the link of every left record from the stored candidates, after deciding their probabilities
// jointly with the records competing for the same counterparts (joint-links.ts): reviewers' confirmations first,
// rejected pairs never, then (one-to-one) the strongest remaining pairs greedily, or (otherwise) each
// left record's best candidate. Then the bands: a link another left record contests is held for review
// (see settle-contests.ts).
import type { Sql } from '@revops/db'
import { assignOneToOne } from './assignment.ts'
import type { MatchingConfig } from './config/matching-config.ts'
import { settleJointLinks } from './store/joint-links.ts'
import { allCandidates, reviewLabels, setSelected } from './store/match-store.ts'
import { settleContests } from './store/settle-contests.ts'

export async function applyAssignment(
  sql: Sql,
  tenantId: string,
  config: MatchingConfig,
): Promise<{ selected: number; bands: Record<string, number>; jointMs: number }> {
  const started = performance.now()
  await settleJointLinks(sql, tenantId, config)
  const jointMs = Math.round(performance.now() - started)
  const candidates = await allCandidates(sql, tenantId, config.left.entity)
  const labels = await reviewLabels(sql, tenantId, config.left.entity)
  const label = (left: string, right: string) => labels.get(`${left}\u0000${right}`)
  const chosen = new Set<string>()
  const usedLeft = new Set<string>()
  const usedRight = new Set<string>()
  for (const candidate of candidates) {
    if (label(candidate.leftId, candidate.rightId) === true && !usedLeft.has(candidate.leftId)) {
      chosen.add(candidate.candidateId)
      usedLeft.add(candidate.leftId)
      if (config.one_to_one) usedRight.add(candidate.rightId)
    }
  }
  const open = candidates.filter(
    (c) => !usedLeft.has(c.leftId) && !usedRight.has(c.rightId) && label(c.leftId, c.rightId) !== false,
  )
  if (config.one_to_one) {
    const byPair = new Map(open.map((c) => [`${c.leftId}\u0000${c.rightId}`, c]))
    const assigned = assignOneToOne(
      open.map((c) => ({ left: c.leftId, right: c.rightId, probability: c.probability })),
    )
    for (const pair of assigned) chosen.add(byPair.get(`${pair.left}\u0000${pair.right}`)!.candidateId)
  } else {
    const best = new Map<string, (typeof open)[number]>()
    for (const candidate of open) {
      const current = best.get(candidate.leftId)
      if (!current || candidate.probability > current.probability) best.set(candidate.leftId, candidate)
    }
    for (const candidate of best.values()) chosen.add(candidate.candidateId)
  }
  await setSelected(sql, tenantId, config.left.entity, [...chosen])
  await settleContests(sql, tenantId, config)
  const counts = await sql<{ band: string; n: number }[]>`
    select band, count(*)::int as n from match.candidates
    where tenant_id = ${tenantId} and left_entity = ${config.left.entity} and selected group by band`
  return {
    selected: chosen.size,
    bands: Object.fromEntries(counts.map((row) => [row.band, row.n])),
    jointMs,
  }
}
