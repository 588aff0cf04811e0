// Pairs a reviewer has confirmed or rejected stay candidates whatever blocking proposes next time: a
// reviewer's word must remain visible (and a confirmed link must stay linked) after any re-scoring.
import type { CandidatePair } from './match-engine.ts'

/** Adds every reviewed pair of the given left records that blocking did not propose (provenance `review`). */
export function withReviewedPairs(
  candidates: readonly CandidatePair[],
  labels: ReadonlyMap<string, boolean>,
  leftIds: ReadonlySet<string>,
  rightIds: ReadonlySet<string>,
): CandidatePair[] {
  const proposed = new Set(candidates.map((pair) => `${pair.left}\u0000${pair.right}`))
  const added: CandidatePair[] = []
  for (const key of labels.keys()) {
    if (proposed.has(key)) continue
    const [left, right] = key.split('\u0000') as [string, string]
    if (leftIds.has(left) && rightIds.has(right)) added.push({ left, right, provenance: ['review'] })
  }
  return added.length === 0 ? [...candidates] : [...candidates, ...added]
}
