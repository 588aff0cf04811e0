// Estimates the parameters without labels by expectation–maximisation over the candidate pairs.
//
// Two choices make the probabilities mean "this is THE counterpart" rather than "these look alike":
// - Exclusive E-step: a left record has at most one match among its candidates, so a candidate's
//   posterior competes with its siblings and with "no counterpart". Without it, EM happily learns
//   "same company" as the match class, since every opportunity of a company agrees on name, domain and
//   account.
// - u is estimated among the candidates (seeded from random pairs): blocking already selected pairs
//   that look alike, so agreement on the blocking keys is common among non-matches too, which keeps
//   correlated company-level evidence from being counted several times over.
// - A comparison declared dependent on another (`parent`) gets m and u per state of that parent,
//   shrunk toward its unconditional m and u (see parameters.ts).
// - Term-frequency adjustments (rare agreeing values weigh more) apply in the E-step as in scoring, so
//   the estimates are those of the model that scores.
// Reviewer decisions, when there are any, pin their pairs' posteriors to 1 (confirmed) or 0 (rejected).
import type { ComparisonVector } from './comparison.ts'
import { NULL_LEVEL } from './comparison.ts'
import { cellCounts, type EncodedPairs, encodedEvidence, encodePairs } from './encoded-pairs.ts'
import {
  type ComparisonParameters,
  initialM,
  type ModelParameters,
  normaliseCounts,
  shrinkCounts,
} from './parameters.ts'
import { exclusiveFromEvidence, groupIndexes } from './posterior.ts'

/** Pseudo-pairs, distributed as the unconditional estimate, added to each parent state's counts. */
const CONDITIONAL_SHRINKAGE = 10

export interface ComparisonShape {
  name: string
  levels: number
  /** Index of an earlier comparison this one depends on. */
  parent?: number | undefined
}

export interface EstimateOptions {
  comparisons: ComparisonShape[]
  /** Outcomes of random pairs: the starting u. */
  randomPairs: ComparisonVector[]
  /** Outcomes of the candidate pairs and the left record each belongs to. */
  candidatePairs: ComparisonVector[]
  groups: string[]
  /** Known answers for some candidate pairs (index into candidatePairs -> is a match). */
  labels?: Map<number, boolean>
  /** Left record -> stratum, for a prior per stratum (shrunk toward the overall prior). */
  strata?: Map<string, string | null>
  maxIterations?: number
  tolerance?: number
}

export interface EstimateResult {
  parameters: ModelParameters
  iterations: number
  converged: boolean
}

/** u[level] per comparison from random pairs. */
export function estimateU(comparisons: { levels: number }[], randomPairs: ComparisonVector[]): number[][] {
  return comparisons.map((comparison, index) => {
    const counts = new Array<number>(comparison.levels).fill(0)
    for (const vector of randomPairs) {
      const level = vector[index]!.level
      if (level !== NULL_LEVEL) counts[level]! += 1
    }
    return normaliseCounts(counts)
  })
}

export function estimateParameters(options: EstimateOptions): EstimateResult {
  const { comparisons, candidatePairs, labels, groups } = options
  const maxIterations = options.maxIterations ?? 200
  const tolerance = options.tolerance ?? 1e-5
  const u = estimateU(comparisons, options.randomPairs)
  const leftRecords = new Set(groups).size
  let parameters: ModelParameters = {
    // lambda here is the share of left records that have a counterpart among their candidates.
    lambda: 0.5,
    comparisons: comparisons.map((comparison, index) => {
      const m = initialM(comparison.levels)
      return {
        ...withParent(comparisons, comparison, { name: comparison.name, m, u: u[index]! }),
        agreeAtRandom: u[index]![0]!,
      }
    }),
  }
  const pairs = encodePairs(
    parameters,
    comparisons.map((c) => c.levels),
    candidatePairs,
  )
  const evidence = new Float64Array(pairs.count)
  let iterations = 0
  let converged = false
  while (iterations < maxIterations) {
    iterations++
    encodedEvidence(parameters, pairs, evidence)
    const { posteriors } = exclusiveFromEvidence(parameters, evidence, groups, labels, options.strata)
    let matchedLeft = 0
    for (const value of posteriors) matchedLeft += value
    const lambda = clampLambda(matchedLeft / Math.max(1, leftRecords))
    const next: ModelParameters = {
      lambda,
      ...(options.strata
        ? { lambdaByStratum: stratumPriors(posteriors, groups, options.strata, lambda) }
        : {}),
      comparisons: comparisons.map((comparison, index) => ({
        ...mStep(comparison, index, pairs, posteriors),
        agreeAtRandom: u[index]![0]!,
      })),
    }
    const change = maxChange(parameters, next)
    parameters = next
    if (change < tolerance) {
      converged = true
      break
    }
  }
  return { parameters, iterations, converged }
}

/** A comparison's parameters with conditional tables (all states equal to the unconditional ones). */
function withParent(
  shapes: ComparisonShape[],
  shape: ComparisonShape,
  parameters: ComparisonParameters,
): ComparisonParameters {
  if (shape.parent === undefined) return parameters
  const states = shapes[shape.parent]!.levels + 1
  return {
    ...parameters,
    given: {
      parent: shape.parent,
      m: Array.from({ length: states }, () => [...parameters.m]),
      u: Array.from({ length: states }, () => [...parameters.u]),
    },
  }
}

/** Expected level counts among matches and non-matches, overall and per parent state. */
function mStep(
  shape: ComparisonShape,
  index: number,
  pairs: EncodedPairs,
  posteriors: Float64Array,
): ComparisonParameters {
  const { match, other } = cellCounts(pairs, index, posteriors)
  const levels = shape.levels
  const states = pairs.states[index]!
  const row = (counts: Float64Array, state: number) =>
    Array.from(counts.subarray(state * levels, (state + 1) * levels))
  const total = (counts: Float64Array) => {
    const sums = new Array<number>(levels).fill(0)
    for (let cell = 0; cell < counts.length; cell++) sums[cell % levels]! += counts[cell]!
    return sums
  }
  const m = normaliseCounts(total(match))
  const u = normaliseCounts(total(other))
  if (shape.parent === undefined) return { name: shape.name, m, u }
  return {
    name: shape.name,
    m,
    u,
    given: {
      parent: shape.parent,
      m: Array.from({ length: states }, (_, state) =>
        shrinkCounts(row(match, state), m, CONDITIONAL_SHRINKAGE),
      ),
      u: Array.from({ length: states }, (_, state) =>
        shrinkCounts(row(other, state), u, CONDITIONAL_SHRINKAGE),
      ),
    },
  }
}

function clampLambda(value: number): number {
  return Math.min(0.999, Math.max(0.001, value))
}

/** Prior per stratum: its records' matched share, shrunk toward the overall share (10 records' worth). */
function stratumPriors(
  posteriors: Float64Array,
  groups: string[],
  strata: Map<string, string | null>,
  overall: number,
): Record<string, number> {
  const mass = new Map<string, number>()
  const records = new Map<string, number>()
  for (const [group, members] of groupIndexes(groups)) {
    const stratum = strata.get(group) ?? null
    if (stratum === null) continue
    let sum = 0
    for (const j of members) sum += posteriors[j]!
    mass.set(stratum, (mass.get(stratum) ?? 0) + sum)
    records.set(stratum, (records.get(stratum) ?? 0) + 1)
  }
  const shrinkage = 10
  const priors: Record<string, number> = {}
  for (const [stratum, size] of records) {
    priors[stratum] = clampLambda(((mass.get(stratum) ?? 0) + shrinkage * overall) / (size + shrinkage))
  }
  return priors
}

function maxChange(a: ModelParameters, b: ModelParameters): number {
  let change = Math.abs(a.lambda - b.lambda)
  const compare = (x: number[], y: number[]) => {
    x.forEach((value, level) => {
      change = Math.max(change, Math.abs(value - y[level]!))
    })
  }
  a.comparisons.forEach((comparison, index) => {
    const other = b.comparisons[index]!
    compare(comparison.m, other.m)
    compare(comparison.u, other.u)
    comparison.given?.m.forEach((row, state) => {
      compare(row, other.given!.m[state]!)
    })
    comparison.given?.u.forEach((row, state) => {
      compare(row, other.given!.u[state]!)
    })
  })
  return change
}
