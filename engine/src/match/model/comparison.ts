// What a comparison is: a function from a record pair to one of a few ordered agreement levels (best
// first), Fellegi–Sunter style. A pair where either side lacks the data gets NULL_LEVEL and the
// comparison then says nothing (weight 0) instead of counting as a disagreement.

export const NULL_LEVEL = -1

export interface LevelSpec {
  /** Short label shown in explanations, e.g. `exact`, `similar (≥ 0.9)`, `different`. */
  label: string
}

export interface ComparisonOutcome {
  level: number
  /** The measured value behind the level (a similarity, a day count), for explanations. */
  value?: number | string | null
  /**
   * Term-frequency adjustment: the share of records carrying the agreeing value. A rare agreeing
   * value (a distinctive company name) is stronger evidence than a common one.
   */
  frequency?: number | null
}

export interface Comparison<R> {
  name: string
  description: string
  levels: LevelSpec[]
  compare(left: R, right: R): ComparisonOutcome
}

/** One pair's outcomes, in the order of the comparisons. */
export type ComparisonVector = ComparisonOutcome[]
