// Scores pairs: prior bits, plus each comparison's log2 Bayes factor, minus what the competing
// candidates of the same left record take away (exclusive model, see posterior.ts). The same
// arithmetic, term by term, is the explanation: a waterfall a reviewer can read.
import type { Comparison, ComparisonOutcome, ComparisonVector } from './comparison.ts'
import { NULL_LEVEL } from './comparison.ts'
import { frequencyBits, lambdaFor, levelParameters, type ModelParameters } from './parameters.ts'
import { exclusiveScores } from './posterior.ts'

export interface Contribution {
  comparison: string
  level: string
  /** The measured value behind the level. */
  value: number | string | null
  /** log2 Bayes factor this comparison adds (0 when it had no data). */
  bits: number
  m: number | null
  u: number | null
  /** For a comparison that depends on another: that comparison and its level in this pair. */
  given?: { comparison: string; level: string } | null
  /** Term-frequency adjustment (included in `bits`): share of records with the agreeing value. */
  term_frequency?: { share: number; bits: number } | null
}

export interface Explanation {
  /** Prior that this candidate is the counterpart: lambda shared among the record's candidates. */
  prior: { lambda: number; stratum: string | null; candidates: number; bits: number }
  contributions: Contribution[]
  /** Bits taken away by the other candidates of the same record. */
  competition: { bits: number }
  /** Set when other left records claim the same right record (see joint-assignment.ts). */
  joint?: JointExplanation | null
  /** Set when another left record links the same right record more strongly (see settle-contests.ts). */
  contested?: { left_id: string; probability: number } | null
}

/** How the other records competing for the same counterpart moved this pair's probability. */
export interface JointExplanation {
  /**
   * Set on a pair whose right record re-enters an earlier one that is also a candidate: its evidence
   * went to that earlier record (the same deal), and this pair's probability is 0.
   */
  reentry_of?: string
  /** The probability this pair had on its own record's evidence alone. */
  own_probability: number
  /** Bits the other left records' claims on this right record took away. */
  rival_bits: number
  /** Bits this record's other candidates took away after the joint step (replaces `competition`). */
  competition_bits: number
  /** The strongest other claims on this right record, with their (joint) probabilities. */
  rivals: { left_id: string; probability: number }[]
  /**
   * Set on a left record's best candidate when a runner-up of the same customer was close on its own:
   * the comparisons that tell the two apart (bits this pair minus bits the runner-up).
   */
  preferred_over?: {
    right_id: string
    probability: number
    own_probability: number
    differences: { comparison: string; level: string; other_level: string; bits: number }[]
  } | null
}

export interface ScoredPair {
  /** Final log-odds in bits (prior + contributions - competition). */
  logOdds: number
  /** What the pair weighs against "no counterpart" on its own, in bits (prior + evidence). */
  weightBits: number
  probability: number
  /** Builds the explanation: only the pairs that are kept need one (a few per left record). */
  explain(): Explanation
}

const MAX_BITS = 60

export function bitsToProbability(bits: number): number {
  const clamped = Math.max(-MAX_BITS, Math.min(MAX_BITS, bits))
  const odds = 2 ** clamped
  return odds / (1 + odds)
}

/** log2 Bayes factor of one outcome (0 when the comparison had no data). */
export function outcomeBits(m: number[], u: number[], outcome: ComparisonOutcome): number {
  if (outcome.level === NULL_LEVEL) return 0
  return Math.log2(m[outcome.level]! / u[outcome.level]!)
}

/** Scores every candidate pair; `groups[j]` is the left record of pair j. */
export function scorePairs<R>(
  comparisons: Comparison<R>[],
  parameters: ModelParameters,
  vectors: ComparisonVector[],
  groups: string[],
  labels?: Map<number, boolean>,
  strata?: Map<string, string | null>,
): ScoredPair[] {
  const scores = exclusiveScores(parameters, vectors, groups, labels, strata)
  const sizes = new Map<string, number>()
  for (const group of groups) sizes.set(group, (sizes.get(group) ?? 0) + 1)
  const explain = (vector: ComparisonVector, j: number): Explanation => {
    const contributions: Contribution[] = comparisons.map((comparison, index) => {
      const outcome = vector[index]!
      const { m, u } = levelParameters(parameters, index, vector)
      const frequency = frequencyBits(parameters.comparisons[index]!, outcome)
      const known = outcome.level !== NULL_LEVEL
      const parent = parameters.comparisons[index]!.given?.parent
      return {
        comparison: comparison.name,
        level: known ? comparison.levels[outcome.level]!.label : 'no data',
        value: outcome.value ?? null,
        bits: outcomeBits(m, u, outcome) + frequency,
        m: known ? m[outcome.level]! : null,
        u: known ? u[outcome.level]! : null,
        ...(parent === undefined ? {} : { given: givenOf(comparisons[parent]!, vector[parent]!) }),
        ...(frequency === 0 ? {} : { term_frequency: { share: outcome.frequency!, bits: frequency } }),
      }
    })
    return {
      prior: {
        lambda: lambdaFor(parameters, strata?.get(groups[j]!)),
        stratum: strata?.get(groups[j]!) ?? null,
        candidates: sizes.get(groups[j]!) ?? 1,
        bits: scores.prior[j]!,
      },
      contributions,
      competition: { bits: scores.competition[j]! },
    }
  }
  return vectors.map((vector, j) => ({
    logOdds: scores.prior[j]! + scores.evidence[j]! - scores.competition[j]!,
    weightBits: scores.prior[j]! + scores.evidence[j]!,
    probability: scores.posteriors[j]!,
    explain: () => explain(vector, j),
  }))
}

function givenOf<R>(
  parent: Comparison<R>,
  outcome: ComparisonOutcome,
): { comparison: string; level: string } {
  const level = outcome.level === NULL_LEVEL ? 'no data' : parent.levels[outcome.level]!.label
  return { comparison: parent.name, level }
}
