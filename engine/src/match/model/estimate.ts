// Estimates the parameters without labels: u from random pairs (almost all non-matches), then m and
// lambda by expectation–maximisation over the candidate pairs with u held fixed (as Splink does).
// Reviewer decisions, when there are any, pin their pairs' posteriors to 1 (confirmed) or 0 (rejected)
// in every E-step, so the estimates learn from them.
import type { ComparisonVector } from './comparison.ts'
import { NULL_LEVEL } from './comparison.ts'
import { initialM, type ModelParameters, normaliseCounts } from './parameters.ts'
import { bitsToProbability, totalBits } from './score.ts'

export interface EstimateOptions {
  /** Level counts per comparison, for naming parameters. */
  comparisons: { name: string; levels: number }[]
  /** Outcomes of random pairs, for u. */
  randomPairs: ComparisonVector[]
  /** Outcomes of the candidate pairs, for m and lambda. */
  candidatePairs: ComparisonVector[]
  /** Known answers for some candidate pairs (index into candidatePairs -> is a match). */
  labels?: Map<number, boolean>
  maxIterations?: number
  tolerance?: number
  /** Start for lambda (share of candidate pairs that are matches). */
  initialLambda?: number
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
  const { comparisons, candidatePairs, labels } = options
  const maxIterations = options.maxIterations ?? 100
  const tolerance = options.tolerance ?? 1e-5
  const u = estimateU(comparisons, options.randomPairs)
  let parameters: ModelParameters = {
    lambda: options.initialLambda ?? 0.3,
    comparisons: comparisons.map((comparison, index) => ({ name: comparison.name, m: initialM(comparison.levels), u: u[index]! })),
  }
  const posteriors = new Float64Array(candidatePairs.length)
  let iterations = 0
  let converged = false
  while (iterations < maxIterations) {
    iterations++
    // E-step: the probability that each candidate pair is a match under the current parameters.
    let lambdaSum = 0
    for (let j = 0; j < candidatePairs.length; j++) {
      const known = labels?.get(j)
      const posterior = known === undefined ? bitsToProbability(totalBits(parameters, candidatePairs[j]!)) : known ? 1 : 0
      posteriors[j] = posterior
      lambdaSum += posterior
    }
    // M-step: m from posterior-weighted level counts; u stays as estimated from random pairs.
    const next: ModelParameters = {
      lambda: clampLambda(lambdaSum / Math.max(1, candidatePairs.length)),
      comparisons: comparisons.map((comparison, index) => {
        const counts = new Array<number>(comparison.levels).fill(0)
        for (let j = 0; j < candidatePairs.length; j++) {
          const level = candidatePairs[j]![index]!.level
          if (level !== NULL_LEVEL) counts[level]! += posteriors[j]!
        }
        return { name: comparison.name, m: normaliseCounts(counts), u: parameters.comparisons[index]!.u }
      }),
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

function clampLambda(lambda: number): number {
  return Math.min(0.999, Math.max(1e-6, lambda))
}

function maxChange(a: ModelParameters, b: ModelParameters): number {
  let change = Math.abs(a.lambda - b.lambda)
  a.comparisons.forEach((comparison, index) => {
    comparison.m.forEach((value, level) => {
      change = Math.max(change, Math.abs(value - b.comparisons[index]!.m[level]!))
    })
  })
  return change
}
