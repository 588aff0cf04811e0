// Fellegi–Sunter parameters: for each comparison, m[level] = P(level | match) and u[level] =
// P(level | non-match); lambda = P(match) among candidate pairs.

export interface ComparisonParameters {
  name: string
  m: number[]
  u: number[]
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

/** Probabilities are kept away from 0 and 1 so that no single level can decide a pair alone. */
export const PROBABILITY_FLOOR = 1e-4

/** Normalises counts (plus a small pseudo-count) into probabilities above the floor. */
export function normaliseCounts(counts: number[], pseudoCount = 0.5): number[] {
  const smoothed = counts.map((count) => count + pseudoCount)
  const total = smoothed.reduce((sum, value) => sum + value, 0)
  const probabilities = smoothed.map((value) => Math.max(PROBABILITY_FLOOR, value / total))
  const renormalised = probabilities.reduce((sum, value) => sum + value, 0)
  return probabilities.map((value) => value / renormalised)
}

/** Starting m: most matches agree at the best level, decreasing geometrically. */
export function initialM(levels: number): number[] {
  const raw = Array.from({ length: levels }, (_, level) => 0.5 ** level * (level === levels - 1 ? 0.2 : 1))
  const total = raw.reduce((sum, value) => sum + value, 0)
  return raw.map((value) => value / total)
}
