// Scores a pair: prior log-odds plus each comparison's log2 Bayes factor (with a term-frequency
// adjustment for agreeing values), turned into a probability. The same arithmetic, term by term, is
// the explanation (a waterfall a reviewer can read).
import type { Comparison, ComparisonVector } from './comparison.ts'
import { NULL_LEVEL } from './comparison.ts'
import { type ModelParameters, PROBABILITY_FLOOR } from './parameters.ts'

export interface Contribution {
  comparison: string
  level: string
  /** The measured value behind the level. */
  value: number | string | null
  /** log2 Bayes factor this comparison adds (0 when it had no data). */
  bits: number
  /** Of which the term-frequency adjustment. */
  tfBits: number
  m: number | null
  u: number | null
}

export interface ScoredPair {
  logOdds: number
  probability: number
  /** Prior first, then every comparison, in configuration order. */
  explanation: { prior: { lambda: number; bits: number }; contributions: Contribution[] }
}

const MAX_BITS = 60

export function log2(x: number): number {
  return Math.log(x) / Math.LN2
}

export function bitsToProbability(bits: number): number {
  const clamped = Math.max(-MAX_BITS, Math.min(MAX_BITS, bits))
  const odds = 2 ** clamped
  return odds / (1 + odds)
}

/**
 * Bayes factor of one outcome. Term-frequency adjustment (for the best level only): u is replaced by
 * the agreeing value's frequency when that is known and smaller, so rare agreements weigh more.
 */
export function outcomeBits(
  m: number[],
  u: number[],
  outcome: ComparisonVector[number],
): { bits: number; tfBits: number } {
  if (outcome.level === NULL_LEVEL) return { bits: 0, tfBits: 0 }
  const base = log2(m[outcome.level]! / u[outcome.level]!)
  let tfBits = 0
  if (outcome.level === 0 && outcome.frequency !== undefined && outcome.frequency !== null) {
    const tfU = Math.max(PROBABILITY_FLOOR, outcome.frequency)
    if (tfU < u[0]!) tfBits = log2(u[0]! / tfU)
  }
  return { bits: base + tfBits, tfBits }
}

export function scorePair<R>(comparisons: Comparison<R>[], parameters: ModelParameters, vector: ComparisonVector): ScoredPair {
  const priorBits = log2(parameters.lambda / (1 - parameters.lambda))
  let total = priorBits
  const contributions: Contribution[] = comparisons.map((comparison, index) => {
    const outcome = vector[index]!
    const { m, u } = parameters.comparisons[index]!
    const { bits, tfBits } = outcomeBits(m, u, outcome)
    total += bits
    const known = outcome.level !== NULL_LEVEL
    return {
      comparison: comparison.name,
      level: known ? comparison.levels[outcome.level]!.label : 'no data',
      value: outcome.value ?? null,
      bits,
      tfBits,
      m: known ? m[outcome.level]! : null,
      u: known ? u[outcome.level]! : null,
    }
  })
  return {
    logOdds: total,
    probability: bitsToProbability(total),
    explanation: { prior: { lambda: parameters.lambda, bits: priorBits }, contributions },
  }
}

/** Fast path for EM and ranking: total bits only. */
export function totalBits(parameters: ModelParameters, vector: ComparisonVector): number {
  let total = log2(parameters.lambda / (1 - parameters.lambda))
  for (let i = 0; i < vector.length; i++) {
    const { m, u } = parameters.comparisons[i]!
    total += outcomeBits(m, u, vector[i]!).bits
  }
  return total
}
