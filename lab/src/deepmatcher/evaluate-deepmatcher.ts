// Runs the engine on a DeepMatcher dataset without labels and scores one split: every pair of every
// split is an (unlabelled) candidate; labels are read only to compute precision, recall and F1.
import {
  type CandidatePair,
  createRecord,
  type MatchRecord,
  pairKey,
  runMatching,
} from '@revops/engine/match'
import { autoConfigure } from './auto-config.ts'
import type { DeepMatcherDataset } from './load-dataset.ts'

export interface BinaryMetrics {
  precision: number
  recall: number
  f1: number
  truePositives: number
  falsePositives: number
  falseNegatives: number
}

export interface DeepMatcherRun {
  dataset: string
  split: 'train' | 'valid' | 'test'
  pairs: number
  metrics: BinaryMetrics
  comparisons: string[]
  lambda: number
}

export function evaluateDeepMatcher(
  dataset: DeepMatcherDataset,
  split: 'train' | 'valid' | 'test',
  options: { threshold?: number } = {},
): DeepMatcherRun {
  const threshold = options.threshold ?? 0.5
  const config = autoConfigure(dataset.attributes, dataset.tableA, dataset.tableB)
  const toRecords = (rows: Record<string, string>[], side: string): MatchRecord[] =>
    rows.map((row) =>
      createRecord(
        `${side}:${row.id}`,
        Object.fromEntries(dataset.attributes.map((a) => [a, row[a] ?? null])),
      ),
    )
  const left = toRecords(dataset.tableA, 'a')
  const right = toRecords(dataset.tableB, 'b')
  const seen = new Set<string>()
  const candidates: CandidatePair[] = []
  for (const pair of [...dataset.splits.train, ...dataset.splits.valid, ...dataset.splits.test]) {
    const key = pairKey(`a:${pair.left}`, `b:${pair.right}`)
    if (seen.has(key)) continue
    seen.add(key)
    candidates.push({ left: `a:${pair.left}`, right: `b:${pair.right}`, provenance: ['given'] })
  }
  const result = runMatching({
    left,
    right,
    comparisons: config.comparisons,
    candidates,
    oneToOne: true,
    joint: { secondClaim: 0 },
    thresholds: { autoLink: 0.85, review: threshold },
  })
  const predicted = new Set(
    result.pairs.filter((p) => p.selected && p.probability >= threshold).map((p) => pairKey(p.left, p.right)),
  )
  const evaluated = dataset.splits[split]
  const metrics = binaryMetrics(
    evaluated.map((pair) => ({
      predicted: predicted.has(pairKey(`a:${pair.left}`, `b:${pair.right}`)),
      actual: pair.label,
    })),
  )
  return {
    dataset: dataset.name,
    split,
    pairs: evaluated.length,
    metrics,
    comparisons: config.comparisons.map((c) => `${c.name} (${c.kind})`),
    lambda: result.parameters.lambda,
  }
}

export function binaryMetrics(outcomes: { predicted: boolean; actual: boolean }[]): BinaryMetrics {
  let truePositives = 0
  let falsePositives = 0
  let falseNegatives = 0
  for (const { predicted, actual } of outcomes) {
    if (predicted && actual) truePositives++
    else if (predicted) falsePositives++
    else if (actual) falseNegatives++
  }
  const precision =
    truePositives + falsePositives === 0 ? 0 : truePositives / (truePositives + falsePositives)
  const recall = truePositives + falseNegatives === 0 ? 0 : truePositives / (truePositives + falseNegatives)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1, truePositives, falsePositives, falseNegatives }
}
