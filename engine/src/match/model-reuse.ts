// When a stored matching model may be reused, and when a model may be stored at all. A model estimated
// from a handful of pairs (say, before the tenant's first sync) is noise: uniform m and u, a prior near
// zero; reused by every later incremental run it would leave every opportunity unlinked for good. So a
// model is stored only when enough candidate pairs informed it, and reused only while the population it
// was estimated on has not changed materially.

/** Candidate pairs a model needs before it is stored. */
export const MIN_ESTIMATION_PAIRS = 100
/** Left records with candidates a model needs before it is stored. */
export const MIN_ESTIMATION_RECORDS = 20
/** A population this many times larger or smaller than the model's is a different population. */
export const POPULATION_CHANGE_FACTOR = 1.5

export interface Population {
  left: number
  right: number
}

export type ModelDecision = { mode: 'full'; reason: string } | { mode: 'incremental'; reason: string }

export interface StoredModelInfo {
  configHash: string
  estimation: Record<string, unknown>
}

function changedMaterially(before: number, now: number): boolean {
  if (before === 0) return now > 0
  return now > before * POPULATION_CHANGE_FACTOR || now * POPULATION_CHANGE_FACTOR < before
}

/** Whether to estimate a model (full) or score with the stored one (incremental), and why. */
export function decideModelReuse(input: {
  asked: 'auto' | 'full' | 'incremental'
  stored: StoredModelInfo | null
  configHash: string
  hasPreviousRun: boolean
  population: Population
}): ModelDecision {
  if (input.asked === 'full') return { mode: 'full', reason: 'a full run was asked for' }
  if (!input.stored) return { mode: 'full', reason: 'no model yet' }
  if (input.stored.configHash !== input.configHash)
    return { mode: 'full', reason: 'the matching configuration changed' }
  if (!input.hasPreviousRun) return { mode: 'full', reason: 'no earlier successful run' }
  const seen = input.stored.estimation.population as Population | undefined
  if (!seen) return { mode: 'full', reason: 'the model does not say which population it was estimated on' }
  for (const side of ['left', 'right'] as const) {
    if (changedMaterially(seen[side], input.population[side]))
      return {
        mode: 'full',
        reason: `the population changed materially (${side} records ${seen[side]} → ${input.population[side]})`,
      }
  }
  return { mode: 'incremental', reason: 'the stored model fits this population' }
}

/** Why a freshly estimated model must not be stored, or undefined when it may be. */
export function tooLittleToEstimate(candidatePairs: number, leftWithCandidates: number): string | undefined {
  if (candidatePairs < MIN_ESTIMATION_PAIRS || leftWithCandidates < MIN_ESTIMATION_RECORDS)
    return `too little data to estimate a model (${candidatePairs} candidate pairs for ${leftWithCandidates} records; at least ${MIN_ESTIMATION_PAIRS} pairs for ${MIN_ESTIMATION_RECORDS} records): nothing was matched; the next run tries again`
  return undefined
}
