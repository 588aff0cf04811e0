// Fact provider `match`: the best Odoo candidate of each ACE opportunity from MATCH — the selected
// candidate (the current link), else the best-ranked one a reviewer has not rejected — with its
// probability, band and every comparison (level, value, evidence bits) of its explanation.
import type { Sql } from '@revops/db'
import type { Contribution } from '../../match/model/score.ts'
import { joinLatestPairReview } from '../../match/store/latest-pair-review.ts'
import type { FactSet } from '../../rules/fact-catalog.ts'
import type { DecisionsConfig } from '../decisions-config.ts'

export type MatchFacts = FactSet['match']

/** The match facts of one ACE opportunity and the candidate they came from. */
export interface MatchFactsEntry {
  facts: NonNullable<MatchFacts>
  candidateId: string
}

/** One stored candidate as the provider reads it. */
export interface CandidateRecord {
  candidate_id: string
  left_id: string
  right_id: string
  probability: number
  band: string
  contributions: Contribution[]
}

export interface MatchFactsOptions {
  tenantId: string
  config: DecisionsConfig['match']
  aceIds?: readonly string[] | undefined
}

/** The best candidate per ACE opportunity, in one query. */
export async function loadBestCandidates(sql: Sql, options: MatchFactsOptions): Promise<CandidateRecord[]> {
  return sql<CandidateRecord[]>`
    select distinct on (c.left_id) c.candidate_id::text, c.left_id, c.right_id, c.probability, c.band,
           coalesce(c.explanation->'contributions', '[]') as contributions
    from match.candidates c
    ${joinLatestPairReview(sql)}
    where c.tenant_id = ${options.tenantId} and c.left_entity = ${options.config.entity}
      ${options.aceIds ? sql`and c.left_id = any(${options.aceIds as string[]})` : sql``}
      and (c.selected or coalesce(r.decision, '') <> 'reject')
    order by c.left_id, c.selected desc, c.rank, c.probability desc`
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** The match facts of one candidate (pure): named similarities read from the configured comparisons. */
export function toMatchFacts(
  candidate: CandidateRecord,
  config: DecisionsConfig['match'],
): NonNullable<MatchFacts> {
  const comparisons: Record<string, Record<string, unknown>> = {}
  const byName = new Map<string, Contribution>()
  for (const contribution of candidate.contributions) {
    byName.set(contribution.comparison, contribution)
    comparisons[contribution.comparison] = {
      level: contribution.level,
      value: contribution.value ?? null,
      bits: contribution.bits,
    }
  }
  // A comparison without data (level `no data`) says nothing: the fact is unavailable, not false.
  const known = (name: string) => {
    const contribution = byName.get(name)
    return contribution && contribution.level !== 'no data' ? contribution : undefined
  }
  const domain = known(config.domain_comparison)
  const dense = config.dense_comparisons
    .map((name) => numberOrNull(known(name)?.value))
    .find((value) => value !== null)
  return {
    band: candidate.band,
    probability: candidate.probability,
    odoo_lead_id: candidate.right_id,
    name_similarity: numberOrNull(known(config.name_comparison)?.value),
    domain_exact: domain ? config.domain_agree_levels.includes(domain.level) : null,
    dense_similarity: dense ?? null,
    comparisons,
  }
}

/** Match facts of every ACE opportunity that has a candidate, by ACE id (absent: no candidate). */
export async function loadMatchFacts(
  sql: Sql,
  options: MatchFactsOptions,
): Promise<Map<string, MatchFactsEntry>> {
  const candidates = await loadBestCandidates(sql, options)
  return new Map(
    candidates.map((candidate) => [
      candidate.left_id,
      { facts: toMatchFacts(candidate, options.config), candidateId: candidate.candidate_id },
    ]),
  )
}
