// Metrics of links against a ground truth: precision/recall/F1, a curve over the threshold,
// calibration of the probabilities, and blocking recall.
import type { BinaryMetrics } from '../deepmatcher/evaluate-deepmatcher.ts'

export interface Link {
  left: string
  right: string
  probability: number
}

/** Truth: left id -> right id, or null when the left record has no counterpart. */
export type Truth = Map<string, string | null>

export function linkMetrics(links: Link[], truth: Truth, minimumProbability: number): BinaryMetrics {
  const predicted = new Map(
    links.filter((l) => l.probability >= minimumProbability).map((l) => [l.left, l.right]),
  )
  let truePositives = 0
  let falsePositives = 0
  let falseNegatives = 0
  for (const [left, actual] of truth) {
    const guess = predicted.get(left)
    if (guess !== undefined && guess === actual) truePositives++
    else {
      if (guess !== undefined) falsePositives++
      if (actual !== null) falseNegatives++
    }
  }
  const precision =
    truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives)
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1, truePositives, falsePositives, falseNegatives }
}

export interface CurvePoint extends BinaryMetrics {
  threshold: number
}

export function precisionRecallCurve(links: Link[], truth: Truth, thresholds: number[]): CurvePoint[] {
  return thresholds.map((threshold) => ({ threshold, ...linkMetrics(links, truth, threshold) }))
}

export interface CalibrationBin {
  from: number
  to: number
  pairs: number
  meanPredicted: number
  observed: number
}

/** Reliability of probabilities over scored pairs: in each bin, predicted vs observed share of matches. */
export function calibration(
  pairs: { probability: number; isMatch: boolean }[],
  bins = 10,
): { bins: CalibrationBin[]; expectedCalibrationError: number; brier: number } {
  const result: CalibrationBin[] = Array.from({ length: bins }, (_, i) => ({
    from: i / bins,
    to: (i + 1) / bins,
    pairs: 0,
    meanPredicted: 0,
    observed: 0,
  }))
  let brier = 0
  for (const pair of pairs) {
    const bin = result[Math.min(bins - 1, Math.floor(pair.probability * bins))]!
    bin.pairs++
    bin.meanPredicted += pair.probability
    bin.observed += pair.isMatch ? 1 : 0
    brier += (pair.probability - (pair.isMatch ? 1 : 0)) ** 2
  }
  let ece = 0
  for (const bin of result) {
    if (bin.pairs === 0) continue
    bin.meanPredicted /= bin.pairs
    bin.observed /= bin.pairs
    ece += (bin.pairs / Math.max(1, pairs.length)) * Math.abs(bin.meanPredicted - bin.observed)
  }
  return { bins: result, expectedCalibrationError: ece, brier: brier / Math.max(1, pairs.length) }
}

/** Share of true pairs that blocking proposed at all. */
export function blockingRecall(
  candidates: { left: string; right: string }[],
  truth: Truth,
): { found: number; total: number; recall: number } {
  const proposed = new Set(candidates.map((c) => `${c.left}\u0000${c.right}`))
  let total = 0
  let found = 0
  for (const [left, right] of truth) {
    if (right === null) continue
    total++
    if (proposed.has(`${left}\u0000${right}`)) found++
  }
  return { found, total, recall: total === 0 ? 1 : found / total }
}
