// Fellegi–Sunter parameters: for each comparison, m[level] = P(level | match) and u[level] =
// P(level | non-match); lambda = P(match) among candidate pairs.
//
// A comparison may be declared dependent on an earlier one (`given`), as in a tree-augmented model:
// its m and u are then kept per state of that parent (no data, or the parent's level). Customer-level
// facts are the case in point: two deals of the same customer agree on its domain, contact and sales
// rep together, so "the sales rep agrees" says little once "the company name agrees" has been counted.
import type { ComparisonOutcome, ComparisonVector } from './comparison.ts'
import { NULL_LEVEL } from './comparison.ts'

export interface ConditionalParameters {
  /** Index of the parent comparison (always an earlier one). */
  parent: number
  /** m[state][level] and u[state][level]; state 0 = the parent had no data, 1 + level otherwise. */
  m: number[][]
  u: number[][]
}

export interface ComparisonParameters {
  name: string
  /** Unconditional m and u (also what a dependent comparison shrinks toward). */
  m: number[]
  u: number[]
  given?: ConditionalParameters
  /**
   * P(two random records agree at the top level), from random pairs: the average against which a
   * term-frequency adjustment weighs how common the agreeing value is.
   */
  agreeAtRandom?: number
}

export interface ModelParameters {
  /** Share of left records that have a counterpart among their candidates. */
  lambda: number
  /** The same share per value of a left-record attribute (e.g. ACE ownership), when configured. */
  lambdaByStratum?: Record<string, number>
  comparisons: ComparisonParameters[]
}

/** The prior for a left record in `stratum` (the overall one for unknown strata). */
export function lambdaFor(parameters: ModelParameters, stratum: string | null | undefined): number {
  if (stratum === null || stratum === undefined) return parameters.lambda
  return parameters.lambdaByStratum?.[stratum] ?? parameters.lambda
}

/** The state of a comparison's parent in one pair: 0 when it had no data, 1 + its level otherwise. */
export function parentState(vector: ComparisonVector, parent: number): number {
  const level = vector[parent]!.level
  return level === NULL_LEVEL ? 0 : level + 1
}

/** m and u of comparison `index` as they apply to this pair (conditional on its parent when it has one). */
export function levelParameters(
  parameters: ModelParameters,
  index: number,
  vector: ComparisonVector,
): { m: number[]; u: number[] } {
  const comparison = parameters.comparisons[index]!
  const given = comparison.given
  if (!given) return comparison
  const state = parentState(vector, given.parent)
  return { m: given.m[state] ?? comparison.m, u: given.u[state] ?? comparison.u }
}

/** Term-frequency adjustments are kept within ± this many bits. */
const MAX_FREQUENCY_BITS = 5

/**
 * Term-frequency adjustment of an agreement (as Splink's): log2(average agreement at random / share of
 * records carrying this value). Agreeing on a rare value (a one-deal customer's name) is stronger
 * evidence than agreeing on a common one (a customer with thirty deals). Only for the top level, and
 * only for comparisons weighed on their own: given a parent, how rare the value is was already said.
 */
export function frequencyBits(comparison: ComparisonParameters, outcome: ComparisonOutcome): number {
  if (outcome.level !== 0 || outcome.frequency == null || comparison.given) return 0
  const average = comparison.agreeAtRandom
  if (average === undefined || average <= 0) return 0
  const bits = Math.log2(average / Math.max(outcome.frequency, 1e-9))
  return Math.max(-MAX_FREQUENCY_BITS, Math.min(MAX_FREQUENCY_BITS, bits))
}

/** Probabilities are kept away from 0 and 1 so that no single level can decide a pair alone. */
export const PROBABILITY_FLOOR = 1e-4

/** Normalises counts (plus a small pseudo-count) into probabilities above the floor. */
export function normaliseCounts(counts: number[], pseudoCount = 0.5): number[] {
  const smoothed = counts.map((count) => count + pseudoCount)
  return normalise(smoothed)
}

/**
 * Normalises counts shrunk toward a base distribution: `strength` pseudo-observations distributed as
 * `base`. A parent state seen in few pairs then keeps close to the unconditional estimate.
 */
export function shrinkCounts(counts: number[], base: number[], strength: number): number[] {
  return normalise(counts.map((count, level) => count + strength * base[level]!))
}

function normalise(weights: number[]): number[] {
  const total = weights.reduce((sum, value) => sum + value, 0)
  const probabilities = weights.map((value) => Math.max(PROBABILITY_FLOOR, value / total))
  const renormalised = probabilities.reduce((sum, value) => sum + value, 0)
  return probabilities.map((value) => value / renormalised)
}

/** Starting m: most matches agree at the best level, decreasing geometrically. */
export function initialM(levels: number): number[] {
  const raw = Array.from({ length: levels }, (_, level) => 0.5 ** level * (level === levels - 1 ? 0.2 : 1))
  const total = raw.reduce((sum, value) => sum + value, 0)
  return raw.map((value) => value / total)
}
