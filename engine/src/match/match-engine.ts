// The matching engine, in memory: compare candidate pairs, estimate the model without labels (or with
// reviewers' decisions), score every pair with its explanation, assign one-to-one when configured, and
// band the result. Adapters feed it records and candidates (from SQL blocking or in-memory blocking).
import { assignOneToOne } from './assignment.ts'
import { type Band, bandOf, type Thresholds } from './bands.ts'
import { buildComparisons } from './comparisons/build-comparisons.ts'
import type { ComparisonSpec } from './config/comparison-spec.ts'
import { createFieldStats } from './field-stats.ts'
import { jointProbabilities } from './joint-assignment.ts'
import type { Comparison, ComparisonVector } from './model/comparison.ts'
import { estimateParameters } from './model/estimate.ts'
import type { ModelParameters } from './model/parameters.ts'
import { type ScoredPair, scorePairs } from './model/score.ts'
import { createPhaseTimer } from './phase-timer.ts'
import { sampleRandomPairs } from './random-pairs.ts'
import { type MatchRecord, stringValue } from './record.ts'

export interface CandidatePair {
  left: string
  right: string
  /** Which blocking rules proposed the pair. */
  provenance: string[]
}

export interface MatchProblem {
  left: MatchRecord[]
  right: MatchRecord[]
  comparisons: ComparisonSpec[]
  /** Comparisons prepared over a larger population (statistics of every record, not just these). */
  prepared?: Comparison<MatchRecord>[]
  candidates: CandidatePair[]
  /** Reviewer decisions: `${left}\u0000${right}` -> match or not. */
  labels?: Map<string, boolean>
  oneToOne: boolean
  /**
   * Decide the probabilities jointly across records competing for the same counterparts (see
   * joint-assignment.ts), a right record taking a second left record at these prior odds (0: strictly
   * one-to-one). The stored pipeline does this over the stored candidates instead (joint-links.ts).
   */
  joint?: { secondClaim: number }
  thresholds: Thresholds
  /** Reuse earlier parameters instead of estimating (incremental runs). */
  parameters?: ModelParameters
  /** Left-record field whose values get a prior of their own (e.g. ownership). */
  priorBy?: string | undefined
  randomPairs?: number
  seed?: number
}

export interface MatchedPair extends CandidatePair, ScoredPair {
  band: Band
  /** Chosen for its left record (the best, or the one-to-one assignment). */
  selected: boolean
  rank: number
}

export interface MatchResult {
  /** Milliseconds per phase (compare, estimate, score). */
  timings: Record<string, number>
  parameters: ModelParameters
  estimation: { iterations: number; converged: boolean; candidatePairs: number; randomPairs: number } | null
  pairs: MatchedPair[]
}

export const pairKey = (left: string, right: string) => `${left}\u0000${right}`

export function runMatching(problem: MatchProblem): MatchResult {
  const comparisons =
    problem.prepared ?? prepareComparisons(problem.comparisons, [...problem.left, ...problem.right])
  const leftById = new Map(problem.left.map((r) => [r.id, r]))
  const rightById = new Map(problem.right.map((r) => [r.id, r]))
  const { timings, lap } = createPhaseTimer()
  const candidates = problem.candidates.filter((c) => leftById.has(c.left) && rightById.has(c.right))
  const vectors = candidates.map((c) =>
    compareAll(comparisons, leftById.get(c.left)!, rightById.get(c.right)!),
  )

  lap('compare')
  const strata = problem.priorBy ? stratify(problem.left, problem.priorBy) : undefined
  let parameters = problem.parameters
  let estimation: MatchResult['estimation'] = null
  if (!parameters) {
    const random = sampleRandomPairs(problem.left, problem.right, problem.randomPairs ?? 20_000, problem.seed)
    const randomVectors = random.map(([l, r]) => compareAll(comparisons, l, r))
    const labels = new Map<number, boolean>()
    candidates.forEach((c, index) => {
      const label = problem.labels?.get(pairKey(c.left, c.right))
      if (label !== undefined) labels.set(index, label)
    })
    const estimate = estimateParameters({
      strata,
      comparisons: comparisonShapes(problem.comparisons, comparisons),
      randomPairs: randomVectors,
      candidatePairs: vectors,
      groups: candidates.map((c) => c.left),
      labels,
    })
    parameters = estimate.parameters
    estimation = {
      iterations: estimate.iterations,
      converged: estimate.converged,
      candidatePairs: vectors.length,
      randomPairs: randomVectors.length,
    }
  }

  lap('estimate')
  const labelled = new Map<number, boolean>()
  if (problem.labels) {
    candidates.forEach((c, index) => {
      const label = problem.labels!.get(pairKey(c.left, c.right))
      if (label !== undefined) labelled.set(index, label)
    })
  }
  const scores = scorePairs(
    comparisons,
    parameters!,
    vectors,
    candidates.map((c) => c.left),
    labelled,
    strata,
  )
  const scored = candidates.map((candidate, index) => ({ ...candidate, ...scores[index]! }))
  if (problem.joint) {
    const joint = jointProbabilities(
      scored.map((pair) => ({ left: pair.left, right: pair.right, weightBits: pair.weightBits })),
      { secondClaim: problem.joint.secondClaim },
    )
    scored.forEach((pair, index) => {
      pair.probability = joint.probabilities[index]!
    })
  }
  const pairs = selectAndBand(scored, problem)
  lap('score')
  return { timings, parameters, estimation, pairs }
}

/** Names, level counts and parents (`given`, by position) of the comparisons. */
export function comparisonShapes(specs: ComparisonSpec[], comparisons: Comparison<MatchRecord>[]) {
  return comparisons.map((comparison, index) => {
    const given = specs[index]?.given
    const parent = given === undefined ? -1 : specs.findIndex((spec) => spec.name === given)
    return {
      name: comparison.name,
      levels: comparison.levels.length,
      parent: parent < 0 ? undefined : parent,
    }
  })
}

function stratify(records: MatchRecord[], field: string): Map<string, string | null> {
  return new Map(records.map((record) => [record.id, stringValue(record, field)]))
}

/** Builds the comparisons with term statistics over `population` (both sides). */
export function prepareComparisons(
  specs: ComparisonSpec[],
  population: MatchRecord[],
): Comparison<MatchRecord>[] {
  return buildComparisons(specs, createFieldStats(population))
}

export function compareAll(
  comparisons: Comparison<MatchRecord>[],
  left: MatchRecord,
  right: MatchRecord,
): ComparisonVector {
  return comparisons.map((comparison) => comparison.compare(left, right))
}

function selectAndBand(scored: (CandidatePair & ScoredPair)[], problem: MatchProblem): MatchedPair[] {
  const byLeft = new Map<string, (CandidatePair & ScoredPair)[]>()
  for (const pair of scored) byLeft.set(pair.left, [...(byLeft.get(pair.left) ?? []), pair])
  const selected = new Set<string>()
  if (problem.oneToOne) {
    const chosen = assignOneToOne(
      scored.map((p) => ({ left: p.left, right: p.right, probability: p.probability })),
      Math.min(problem.thresholds.review, 0.5),
    )
    for (const pair of chosen) selected.add(pairKey(pair.left, pair.right))
  }
  const result: MatchedPair[] = []
  for (const pairs of byLeft.values()) {
    pairs.sort((a, b) => b.probability - a.probability || a.right.localeCompare(b.right))
    pairs.forEach((pair, index) => {
      const isSelected = problem.oneToOne ? selected.has(pairKey(pair.left, pair.right)) : index === 0
      result.push({
        ...pair,
        band: bandOf(pair.probability, problem.thresholds),
        selected: isSelected,
        rank: index + 1,
      })
    })
  }
  return result
}
